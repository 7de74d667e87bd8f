package org.techmarket.web.work;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.techmarket.asset.domain.Asset;
import org.techmarket.deal.application.OfferBoard;
import org.techmarket.deal.domain.DealSummary;
import org.techmarket.listing.application.BidStanding;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingLine;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.notification.persistence.Notifications;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.domain.User;
import org.techmarket.web.base.Fmt;

/**
 * The workspace's rows as the page shows them: every label, amount, time and link already written in the page's
 * language and the user's time zone, so the template only places text. Writing them here costs a few string
 * operations a row; the template's expressions cost a reflective call each (ADR 0068).
 */
@Component
public class WorkspaceRows {

    private static final Set<ListingStatus> WITHDRAWABLE = Set.of(
            ListingStatus.DRAFT,
            ListingStatus.SUBMITTED,
            ListingStatus.APPROVED,
            ListingStatus.PUBLISHED,
            ListingStatus.OPEN);
    private static final Set<BidStanding> LIVE = Set.of(BidStanding.LEADING, BidStanding.OUTBID, BidStanding.SEALED);

    /** An asset of the organization and the steps it may take on it (null: not offered). */
    public record AssetRow(
            String id,
            String title,
            String kind,
            String legalStatus,
            List<String> owners,
            String confirm,
            boolean awaiting,
            String edit) {}

    /** A listing of the organization; {@code reason} and the step links are null when there are none. */
    public record ListingRow(
            String id,
            String title,
            String mechanism,
            String offer,
            String startPrice,
            String status,
            String reason,
            String endsAt,
            String endsAtIso,
            String submit,
            String withdraw) {}

    /** A listing the organization bid on; {@code maximum} is null without a proxy maximum. */
    public record BidRow(
            String listingId,
            String title,
            String mechanism,
            String highest,
            String maximum,
            String current,
            String standingName,
            String standing,
            String endsAt,
            String endsAtIso,
            boolean live) {}

    /** A negotiation; the answer links are null when the organization has no such answer to give. */
    public record OfferRow(
            String id,
            String listingId,
            String title,
            String side,
            String mine,
            String theirs,
            String status,
            String deadlineIso,
            String accept,
            String counter,
            String decline,
            String withdraw) {}

    /** A deal of the organization, on its side of it. */
    public record DealRow(String id, String side, String counterparty, String price, String status) {}

    /** A notice of the inbox; {@code read} is the link marking it read, null once it is. */
    public record NoticeRow(String at, String atIso, String summary, boolean unread, String read) {}

    /** A user of the organization; {@code deactivate} and {@code reactivate} are links for an admin, else null. */
    public record UserRow(
            String id,
            String username,
            String displayName,
            String role,
            String standing,
            String deactivate,
            String reactivate) {}

    private final Fmt fmt;
    private final MessageSource messages;

    WorkspaceRows(Fmt fmt, MessageSource messages) {
        this.fmt = fmt;
        this.messages = messages;
    }

    List<AssetRow> assets(List<Asset> assets, Map<String, OrganizationSummary> owners, String us) {
        return assets.stream()
                .map(a -> {
                    boolean confirmed = a.confirmedOwner(us);
                    String at = WorkspacePage.PATH + "/assets/" + a.id();
                    return new AssetRow(
                            a.id(),
                            a.details().title(),
                            fmt.label(a.details().kind()),
                            fmt.label(a.details().legalStatus()),
                            a.owners().stream()
                                    .map(o -> Optional.ofNullable(owners.get(o.organizationId()))
                                                    .map(OrganizationSummary::name)
                                                    .orElse(o.organizationId())
                                            + " " + o.percent() + "%")
                                    .toList(),
                            a.ownedBy(us) && !confirmed ? at + "/co-ownership" : null,
                            confirmed && !a.pendingOwners().isEmpty(),
                            confirmed ? at : null);
                })
                .toList();
    }

    List<ListingRow> listings(List<ListingLine> listed) {
        return listed.stream()
                .map(l -> {
                    String at = WorkspacePage.PATH + "/listings/" + l.id();
                    return new ListingRow(
                            l.id(),
                            l.title(),
                            fmt.label(l.mechanism()),
                            fmt.label(l.offerKind()),
                            fmt.money(l.startPrice()),
                            fmt.label(l.status()),
                            l.statusReason().orElse(null),
                            fmt.time(l.endsAt()),
                            iso(l.endsAt()),
                            l.status() == ListingStatus.DRAFT ? at + "/submission" : null,
                            WITHDRAWABLE.contains(l.status()) ? at + "/withdrawal" : null);
                })
                .toList();
    }

    List<BidRow> bids(List<ListingReading.MyBid> bids) {
        return bids.stream()
                .map(b -> {
                    Listing l = b.seen().listing();
                    var view = b.seen().view();
                    return new BidRow(
                            l.id(),
                            l.title(),
                            fmt.label(l.mechanism().type()),
                            fmt.money(b.highest()),
                            b.maximum()
                                    .map(m -> message("work.bid.maximum", fmt.money(m)))
                                    .orElse(null),
                            view.currentPrice().isPresent()
                                    ? fmt.money(view.currentPrice().getAsLong(), l.currency())
                                    : "—",
                            b.standing().name(),
                            fmt.label(b.standing()),
                            fmt.time(view.endsAt()),
                            iso(view.endsAt()),
                            LIVE.contains(b.standing()));
                })
                .toList();
    }

    List<OfferRow> offers(List<OfferBoard.Negotiation> negotiations) {
        String buying = message("work.offer.buying");
        String selling = message("work.offer.selling");
        return negotiations.stream()
                .map(n -> {
                    var o = n.latest();
                    String at = WorkspacePage.PATH + "/offers/" + o.id();
                    boolean answer = n.answerable();
                    return new OfferRow(
                            o.id(),
                            o.listingId(),
                            n.listingTitle(),
                            n.buying() ? buying : selling,
                            n.mine().map(fmt::money).orElse("—"),
                            n.theirs().map(fmt::money).orElse("—"),
                            fmt.label(n.status()),
                            n.status().name().equals("OPEN") ? iso(o.deadline()) : null,
                            answer ? at + "/acceptance" : null,
                            answer ? at + "/counter" : null,
                            answer ? at + "/rejection" : null,
                            n.withdrawable() ? at + "/withdrawal" : null);
                })
                .toList();
    }

    List<DealRow> deals(List<DealSummary> deals, String us) {
        String selling = message("work.deal.selling");
        String buying = message("work.deal.buying");
        return deals.stream()
                .map(d -> {
                    boolean ours = d.soldBy(us);
                    return new DealRow(
                            d.id(),
                            ours ? selling : buying,
                            ours ? d.buyerName() : d.sellerName(),
                            fmt.money(d.price()),
                            fmt.label(d.status()));
                })
                .toList();
    }

    List<NoticeRow> notices(List<Notifications.Seen> notices) {
        return notices.stream()
                .map(n -> new NoticeRow(
                        fmt.time(n.notice().createdAt()),
                        iso(n.notice().createdAt()),
                        n.notice().summary(),
                        n.unread(),
                        n.unread()
                                ? WorkspacePage.PATH + "/notifications/"
                                        + n.notice().id() + "/read"
                                : null))
                .toList();
    }

    List<UserRow> users(List<User> users, boolean admin) {
        String active = message("work.user.active");
        String deactivated = message("work.user.deactivated");
        return users.stream()
                .map(u -> {
                    String at = WorkspacePage.PATH + "/users/" + u.id();
                    return new UserRow(
                            u.id(),
                            u.username(),
                            u.displayName(),
                            fmt.label(u.role()),
                            u.active() ? active : deactivated,
                            admin && u.active() ? at + "/deactivation" : null,
                            admin && !u.active() ? at + "/reactivation" : null);
                })
                .toList();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
