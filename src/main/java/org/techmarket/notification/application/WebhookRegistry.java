package org.techmarket.notification.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.notification.NotificationCodes;
import org.techmarket.notification.domain.NoticeKind;
import org.techmarket.notification.domain.WebhookAddress;
import org.techmarket.notification.persistence.Deliveries;
import org.techmarket.notification.persistence.Webhooks;
import org.techmarket.notification.persistence.Webhooks.Webhook;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Page;
import org.techmarket.shared.Rejection;

/**
 * An organization's webhooks: registered with an http(s) URL that is not a private address and the notice kinds it
 * takes, up to a limit per organization; its signing secret is shown once, at registration. Another organization's
 * webhook answers as one that does not exist.
 */
@Service
public class WebhookRegistry {

    /** A webhook just registered, with the secret its deliveries are signed with; shown this once. */
    public record Registered(Webhook webhook, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxPerOrganization;
    private final boolean allowPrivateAddresses;

    WebhookRegistry(
            Webhooks webhooks,
            Deliveries deliveries,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            @Value("${techmarket.notification.webhooks.max-per-organization:10}") int maxPerOrganization,
            @Value("${techmarket.notification.webhooks.allow-private-addresses:false}") boolean allowPrivateAddresses) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.maxPerOrganization = maxPerOrganization;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    @Transactional
    public Registered register(Actor actor, String url, List<String> events) {
        String org = actor.requireOrganization();
        WebhookAddress.refusal(url, allowPrivateAddresses).ifPresent(why -> {
            throw Rejection.invalid(NotificationCodes.INVALID_WEBHOOK_URL, "url", why);
        });
        List<String> kinds = kinds(events);
        if (webhooks.countLocked(org) >= maxPerOrganization) {
            throw Rejection.conflict(
                    NotificationCodes.TOO_MANY_WEBHOOKS,
                    "An organization may have at most " + maxPerOrganization + " webhooks; remove one first");
        }
        String secret = "whsec_" + secret();
        Webhook webhook = new Webhook(ids.newId(), org, url, kinds, secret, actor.userId(), now());
        webhooks.add(webhook);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("url", url);
        payload.put("events", kinds);
        audit.record(actor.auditName(), NotificationEvents.WebhookRegistered, subject(webhook.id()), payload);
        return new Registered(webhook, secret);
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(Actor actor) {
        return actor.organizationId().map(webhooks::of).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public Webhook get(Actor actor, String id) {
        return actor.organizationId().flatMap(org -> webhooks.find(id, org)).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public void remove(Actor actor, String id) {
        String org = actor.organizationId().orElseThrow(() -> notFound(id));
        if (!webhooks.remove(id, org, now())) {
            throw notFound(id);
        }
        audit.record(actor.auditName(), NotificationEvents.WebhookRemoved, subject(id), Map.of());
    }

    /** The webhook's delivery log, newest first, each delivery with its attempts. */
    @Transactional(readOnly = true)
    public Page<Deliveries.Logged> deliveries(Actor actor, String id, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        get(actor, id);
        return Page.of(deliveries.log(id, Cursor.decode(cursor), size + 1), size, Deliveries.Logged::id);
    }

    private static List<String> kinds(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw Rejection.invalid(
                    NotificationCodes.UNKNOWN_EVENT_KIND, "events", "name at least one kind of notice to receive");
        }
        List<String> unknown = new ArrayList<>();
        LinkedHashSet<String> kinds = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || NoticeKind.of(event).isEmpty()) {
                unknown.add(String.valueOf(event));
            } else {
                kinds.add(event);
            }
        }
        if (!unknown.isEmpty()) {
            throw Rejection.invalid(
                    NotificationCodes.UNKNOWN_EVENT_KIND,
                    "events",
                    "unknown kinds " + unknown + "; known are "
                            + java.util.Arrays.stream(NoticeKind.values())
                                    .map(NoticeKind::dotted)
                                    .toList());
        }
        return List.copyOf(kinds);
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Rejection notFound(String id) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                NotificationCodes.WEBHOOK_NOT_FOUND,
                "Your organization has no webhook " + id);
    }

    private static String subject(String id) {
        return "webhook:" + id;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
