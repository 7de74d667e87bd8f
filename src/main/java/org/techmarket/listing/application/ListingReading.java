package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingCodes;
import org.techmarket.listing.ListingSummary;
import org.techmarket.listing.OnSale;
import org.techmarket.listing.domain.Auction;
import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingLine;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.persistence.Bidders;
import org.techmarket.listing.persistence.Bids;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * Reads listings as the caller may see them: the public view of the sale (never a maximum, a sealed bid before the
 * close or the reserve amount), the catalogue, and the bid history with bidders shown as "Bidder n" per listing.
 * Also answers other modules through {@link ListingCatalog}.
 */
@Service
public class ListingReading implements ListingCatalog {

    /** A listing with its sale's public view at this moment, and whether the caller leads. */
    public record Seen(Listing listing, AuctionView view, boolean leading) {}

    /**
     * One line of a bid history; {@code bidder} is the per-listing pseudonym (none on a sealed listing's own bids
     * before the close), {@code mine} marks the caller's.
     */
    public record BidEntry(
            String bidId,
            long sequence,
            String bidder,
            boolean mine,
            String kind,
            Money amount,
            java.time.Instant at) {}

    /**
     * A listing the caller's organization has bid on: the sale's public view, the organization's highest bid and its
     * proxy maximum (its own secret, shown only to it), and where it stands.
     */
    public record MyBid(Seen seen, Money highest, Optional<Money> maximum, BidStanding standing) {}

    private static final List<ListingStatus> PUBLIC = Arrays.stream(ListingStatus.values())
            .filter(s -> !ListingAccess.PRIVATE.contains(s))
            .toList();

    private final Listings listings;
    private final Bids bids;
    private final Bidders bidders;
    private final ListingAccess access;
    private final Clock clock;

    ListingReading(Listings listings, Bids bids, Bidders bidders, ListingAccess access, Clock clock) {
        this.listings = listings;
        this.bids = bids;
        this.bidders = bidders;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Seen get(Actor actor, String id) {
        return seen(actor, access.visible(actor, id));
    }

    @Transactional(readOnly = true)
    public Page<Seen> catalogue(
            Actor actor,
            Optional<ListingStatus> status,
            Optional<String> industry,
            Optional<MechanismType> mechanism,
            String cursor,
            Integer limit) {
        int size = Cursor.limit(limit);
        List<Listing> rows = listings.page(
                new Listings.Reader(actor.organizationId(), actor.seesWholeMarket()),
                PUBLIC,
                new Listings.Filter(status, industry, mechanism),
                Cursor.decode(cursor),
                size);
        return Page.of(rows, size, Listing::id).map(l -> seen(actor, l));
    }

    /** As {@link #catalogue}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<Seen>> catalogue(
            Actor actor,
            Optional<ListingStatus> status,
            Optional<String> industry,
            Optional<MechanismType> mechanism,
            String cursor,
            Integer limit,
            ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return listings.page(
                        new Listings.Reader(actor.organizationId(), actor.seesWholeMarket()),
                        PUBLIC,
                        new Listings.Filter(status, industry, mechanism),
                        Cursor.decode(cursor),
                        size,
                        batch)
                .map(rows -> Page.of(rows, size, Listing::id).map(l -> seen(actor, l)));
    }

    /** The caller's organization's own listings in every status, drafts included, newest first. */
    @Transactional(readOnly = true)
    public Page<ListingLine> ofSeller(Actor actor, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        List<ListingLine> rows = listings.ofSeller(actor.requireOrganization(), Cursor.decode(cursor), size);
        return Page.of(rows, size, ListingLine::id);
    }

    /** As {@link #ofSeller(Actor, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<ListingLine>> ofSeller(
            Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return listings.ofSeller(actor.requireOrganization(), Cursor.decode(cursor), size, batch)
                .map(rows -> Page.of(rows, size, ListingLine::id));
    }

    /**
     * The listings the caller's organization has bid on, newest listing first: one statement for the page whatever its
     * length. A sealed sale shows only the organization's own bid, never another's amount.
     */
    @Transactional(readOnly = true)
    public Page<MyBid> bidsOf(Actor actor, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return bids(actor, listings.bidOnBy(actor.requireOrganization(), Cursor.decode(cursor), size), size);
    }

    /** As {@link #bidsOf(Actor, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<MyBid>> bidsOf(
            Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return listings.bidOnBy(actor.requireOrganization(), Cursor.decode(cursor), size, batch)
                .map(rows -> bids(actor, rows, size));
    }

    private Page<MyBid> bids(Actor actor, List<Listings.BidOn> rows, int size) {
        String bidder = actor.requireOrganization();
        return Page.of(rows, size, row -> row.listing().id()).map(row -> {
            Seen seen = seen(actor, row.listing());
            String currency = row.listing().currency();
            return new MyBid(
                    seen,
                    Money.of(row.highest(), currency),
                    row.maximum().isPresent()
                            ? Optional.of(Money.of(row.maximum().getAsLong(), currency))
                            : Optional.empty(),
                    BidStanding.of(bidder, row.listing(), seen.view()));
        });
    }

    // One statement, which needs no transaction of its own: a page's list reads it after its batch (ADR 0118).
    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, String> titles(java.util.Collection<String> ids) {
        return listings.titles(ids);
    }

    /**
     * The bid history after sequence {@code after}. English, Dutch and fixed price: public (amounts, never maxima).
     * Sealed: only the caller's own bids until the close, everyone's after it.
     */
    @Transactional(readOnly = true)
    public List<BidEntry> bids(Actor actor, String id, long after, Integer limit) {
        Listing listing = access.visible(actor, id);
        int size = Cursor.limit(limit);
        Optional<String> caller = actor.organizationId();
        boolean sealedOpen = listing.isSealed() && listing.state().outcome().isEmpty();
        if (sealedOpen) {
            return ownSealedBids(listing, caller, after, size);
        }
        Map<String, Integer> aliases = bidders.aliases(listing.id());
        return bids.after(listing.id(), after, size).stream()
                .map(b -> new BidEntry(
                        b.id(),
                        b.sequence(),
                        "Bidder " + aliases.get(b.bidderId()),
                        caller.filter(b.bidderId()::equals).isPresent(),
                        b.kind(),
                        Money.of(b.amount(), listing.currency()),
                        b.placedAt()))
                .toList();
    }

    /**
     * A sealed listing's bids before the close, as its bidder may see them: its own only, numbered 1..n among its
     * own and with no bidder number, since either would tell how many bids and bidders came before.
     */
    private List<BidEntry> ownSealedBids(Listing listing, Optional<String> caller, long after, int size) {
        List<Bids.Bid> own = caller.map(me -> bids.of(listing.id(), me)).orElse(List.of());
        if (own.isEmpty()) {
            // Operators included: nobody but the bidder sees a sealed bid before the close.
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    ListingCodes.SEALED_UNTIL_CLOSE,
                    "Sealed bids stay sealed until the close; a bidder sees only their own");
        }
        List<BidEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            Bids.Bid b = own.get(i);
            entries.add(new BidEntry(
                    b.id(), i + 1, null, true, b.kind(), Money.of(b.amount(), listing.currency()), b.placedAt()));
        }
        return entries.stream().filter(e -> e.sequence() > after).limit(size).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ListingSummary> find(String listingId) {
        return listings.find(listingId)
                .map(l -> new ListingSummary(
                        l.id(),
                        l.venueId(),
                        l.sellerId(),
                        l.title(),
                        l.assetIds(),
                        l.offerKind(),
                        l.licenceScope(),
                        l.mechanism().type().name(),
                        l.status().name()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OnSale> onSale(int limit) {
        return onSale(listings.open(limit), clock.instant());
    }

    @Override
    public ReadsTogether.Later<List<OnSale>> onSale(int limit, ReadsTogether.Batch batch) {
        Instant now = clock.instant();
        return listings.open(limit, batch).map(open -> onSale(open, now));
    }

    private static List<OnSale> onSale(List<Listings.OpenSale> open, Instant now) {
        return open.stream()
                .map(l -> {
                    AuctionView view =
                            Auction.rehydrate(l.mechanism().terms(), l.state()).view(now);
                    OptionalLong price = view.currentPrice().isPresent() ? view.currentPrice() : view.minimumBid();
                    return new OnSale(
                            l.id(),
                            l.title(),
                            l.sellerId(),
                            l.mechanism().type().name(),
                            l.offerKind(),
                            price.isPresent()
                                    ? Optional.of(Money.of(price.getAsLong(), l.currency()))
                                    : Optional.empty(),
                            view.bidCount().isPresent()
                                    ? Optional.of(view.bidCount().getAsLong())
                                    : Optional.empty(),
                            view.endsAt());
                })
                .sorted(Comparator.comparing(OnSale::endsAt))
                .toList();
    }

    /** The listing's version for change polling, if the caller may see it. */
    @Transactional(readOnly = true)
    public long version(Actor actor, String id) {
        return listings.version(id).orElseThrow(() -> Rejection.notFound("Listing", id));
    }

    Seen seen(Actor actor, Listing listing) {
        AuctionView view = listing.auction().view(clock.instant());
        boolean leading = actor.organizationId().map(view::isLeading).orElse(false);
        return new Seen(listing, view, leading);
    }
}
