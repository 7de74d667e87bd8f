package org.techmarket.notification.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.deal.OfferReceived;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.notification.domain.MarketNotices;
import org.techmarket.notification.persistence.Deliveries;
import org.techmarket.notification.persistence.Notifications;
import org.techmarket.notification.persistence.Notifications.Filed;
import org.techmarket.notification.persistence.Webhooks;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.GatheredAtCommit;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Notice;

/**
 * Files what people should hear of: every {@link Notice} another module publishes, and the notices the market's own
 * events call for ({@link MarketNotices}). Each recipient gets the notice in its inbox, and each webhook of a
 * recipient's organization that takes its kind gets a delivery, to be sent by {@link WebhookDelivery} after this
 * transaction commits. A lead taken and a deal's step are filed in the step's own transaction just before it commits
 * (one commit carries the step and its notices; a step rolled back files nothing). The others are filed after the
 * event's own transaction, in one of their own; an event delivered again (the event registry resubmits what a crash
 * left undelivered) is recognised by its identity, the digest of its type and its JSON, and files nothing again.
 */
@Component
class NoticeFiling {

    private final Notifications notifications;
    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final IdGenerator ids;
    private final Clock clock;

    NoticeFiling(Notifications notifications, Webhooks webhooks, Deliveries deliveries, IdGenerator ids, Clock clock) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.ids = ids;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "notification.filing.notice")
    void on(Notice notice) {
        file(notice, List.of(notice));
    }

    // Filed in the bid's own transaction, just before it commits: one commit carries the bid and the outbid notice.
    // Ordered before the venue feed's entry, which takes the feed's turn and so comes last; the notices of a group of
    // bids are gathered with the transaction's others and filed in one statement.
    @EventListener
    void on(LeadTaken taken) {
        GatheredAtCommit.addAll(STEP_NOTICES, 0, this::fileWithStep, MarketNotices.of(taken));
    }

    @ApplicationModuleListener(id = "notification.filing.listing-awarded")
    void on(ListingAwarded awarded) {
        file(awarded, MarketNotices.of(awarded));
    }

    @ApplicationModuleListener(id = "notification.filing.offer-received")
    void on(OfferReceived offer) {
        file(offer, MarketNotices.of(offer));
    }

    // Filed in the step's own transaction, just before it commits, as a bid's outbid notice is; heard as the step is
    // published so that the notices of all the steps one transaction takes (an acceptance completes the deal too) are
    // gathered and filed in one statement.
    @EventListener
    void on(DealStepTaken step) {
        GatheredAtCommit.addAll(STEP_NOTICES, 0, this::fileWithStep, MarketNotices.of(step));
    }

    /**
     * The key under which a transaction gathers the notices of the steps it took and of the leads its bids took, filed together just before it
     * commits: first of what is written then, as the outbid notice of a bid is, and before the ledger's postings and
     * the venue feed's entry, which take locks others wait for. A transaction rolled back files none.
     */
    private static final Object STEP_NOTICES = new Object();

    /**
     * Files the notices of a step in the step's own transaction: it commits once with them, so nothing can deliver
     * them again and no filing needs remembering.
     */
    private void fileWithStep(List<? extends Notice> notices) {
        file(notices, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Files the notices {@code event} calls for, unless that event was filed before. */
    void file(Object event, List<? extends Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!notifications.firstFiling(identity(event), at)) {
            return;
        }
        file(notices, at);
    }

    /**
     * Files every recipient of every notice, and queues a delivery to each webhook that takes a notice's kind (with the
     * notice as filed first for the webhook's organization), in one statement for all the notices: a step that calls
     * for several (a completion tells seller and buyer) files them in one round trip.
     */
    private void file(List<? extends Notice> notices, Instant at) {
        List<Filed> filed = new ArrayList<>();
        List<Filed> firsts = new ArrayList<>();
        for (Notice notice : notices) {
            Map<String, Filed> firstOfOrganization = new LinkedHashMap<>();
            notice.noticeRecipients().stream()
                    .distinct()
                    .map(recipient -> new Filed(
                            ids.newId(),
                            recipient.organizationId(),
                            Optional.ofNullable(recipient.userId()),
                            notice.noticeKind(),
                            notice.noticeSubjectType(),
                            notice.noticeSubjectId(),
                            notice.noticeSummary(),
                            notice.noticeInInbox(),
                            at))
                    .forEach(f -> {
                        filed.add(f);
                        firstOfOrganization.putIfAbsent(f.organizationId(), f);
                    });
            firsts.addAll(firstOfOrganization.values());
        }
        if (filed.isEmpty()) {
            return;
        }
        for (Notifications.Addressed to : notifications.addAll(filed, firsts)) {
            Filed first = to.filed();
            deliveries.add(ids.newId(), to.webhookId(), first.id(), first.kind(), body(first), at);
        }
    }

    /** What a webhook receives of a notice: the same body on every attempt. */
    static String body(Filed filed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", filed.id());
        body.put("kind", filed.kind());
        body.put("organizationId", filed.organizationId());
        filed.userId().ifPresent(user -> body.put("userId", user));
        body.put("subject", Map.of("type", filed.subjectType(), "id", filed.subjectId()));
        body.put("summary", filed.summary());
        body.put("createdAt", filed.createdAt().toString());
        return CanonicalJson.write(body);
    }

    /** The event's identity: the same for the event and any redelivery of it, different for any other event. */
    String identity(Object event) {
        String stored = event.getClass().getName() + "\n" + CanonicalJson.write(event);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(stored.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
