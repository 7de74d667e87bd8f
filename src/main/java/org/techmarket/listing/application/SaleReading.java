package org.techmarket.listing.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.listing.Sale;
import org.techmarket.listing.Sales;
import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.persistence.Bidders;
import org.techmarket.listing.persistence.Bids;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/**
 * The sale page's reads and commands. A read costs the same statements whatever the number of bids: the listing,
 * its seller, its assets, the newest {@link Sales#HISTORY} bids and the bidders' numbers (or, on a sealed sale before
 * the opening, the viewer's own bids only). Commands are {@link Bidding}'s, so the page refuses what the API refuses.
 */
@Service
class SaleReading implements Sales {

    private static final Actor ANYONE = new Actor("anyone", "anyone", Role.MEMBER, Optional.empty(), Optional.empty());

    private final ListingReading reading;
    private final Bidding bidding;
    private final Bids bids;
    private final Bidders bidders;
    private final Participants participants;
    private final Assets assets;
    private final Listings listings;
    private final ReadsTogether together;

    SaleReading(
            ListingReading reading,
            Bidding bidding,
            Bids bids,
            Bidders bidders,
            Participants participants,
            Assets assets,
            Listings listings,
            ReadsTogether together) {
        this.listings = listings;
        this.together = together;
        this.reading = reading;
        this.bidding = bidding;
        this.bids = bids;
        this.bidders = bidders;
        this.participants = participants;
        this.assets = assets;
    }

    @Override
    // Two round trips, each its own implicit transaction: a transaction of the read's own cost one more, to commit.
    // Inside a command's transaction (a bid, then the page) it reads in that transaction, and sees the command's work.
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Sale sale(Optional<Actor> viewer, String listingId) {
        Actor actor = viewer.orElse(ANYONE);
        Optional<String> me = actor.organizationId();
        // The listing, its bidders, its latest bids and the viewer's own are read in one round trip (ADR 0117), before
        // the listing says which of them the page shows: a sealed sale's bids of others are read and dropped unshown.
        ReadsTogether.Batch first = together.batch();
        ReadsTogether.Later<Optional<Listing>> found = listings.find(listingId, first);
        ReadsTogether.Later<Map<String, Integer>> aliases = bidders.aliases(listingId, first);
        ReadsTogether.Later<List<Bids.Bid>> latest = bids.latest(listingId, HISTORY, first);
        ReadsTogether.Later<List<Bids.Bid>> ownBids =
                me.map(org -> bids.of(listingId, org, first)).orElse(ReadsTogether.Later.of(List.of()));
        first.send();
        Listing listing = found.get()
                .filter(l -> ListingAccess.maySee(actor, l))
                .orElseThrow(() -> Rejection.notFound("Listing", listingId));
        // then the seller's name and the assets on offer, which the listing names
        ReadsTogether.Batch second = together.batch();
        ReadsTogether.Later<Optional<OrganizationSummary>> seller =
                participants.organization(listing.sellerId(), second);
        ReadsTogether.Later<Map<String, AssetSummary>> offered = assets.findAll(listing.assetIds(), second);
        second.send();
        ListingReading.Seen seen = reading.seen(actor, listing);
        AuctionView view = seen.view();
        boolean sealedOpen = listing.isSealed() && listing.state().outcome().isEmpty();
        List<Sale.Line> history;
        boolean joined;
        if (sealedOpen) {
            List<Bids.Bid> own = ownBids.get();
            // Numbered among the viewer's own, newest first: a listing-wide sequence would tell how many came before.
            history = java.util.stream.IntStream.range(0, own.size())
                    .map(i -> own.size() - 1 - i)
                    .mapToObj(i -> line(listing, own.get(i), i + 1, Optional.empty(), true))
                    .toList();
            joined = !own.isEmpty();
        } else {
            Map<String, Integer> numbers = aliases.get();
            history = latest.get().stream()
                    .map(b -> line(
                            listing,
                            b,
                            b.sequence(),
                            Optional.ofNullable(numbers.get(b.bidderId())),
                            me.filter(b.bidderId()::equals).isPresent()))
                    .toList();
            joined = me.filter(numbers::containsKey).isPresent();
        }
        boolean awarded = listing.status() == ListingStatus.AWARDED;
        Sale.Viewer seenBy = new Sale.Viewer(
                me.isPresent(),
                me.filter(listing.sellerId()::equals).isPresent(),
                seen.leading(),
                joined,
                awarded && me.isPresent() && listing.winnerId().equals(me));
        return new Sale(
                listing.id(),
                listing.status().name(),
                listing.title(),
                listing.description(),
                listing.sellerId(),
                seller.get().map(OrganizationSummary::name).orElse(""),
                items(listing, offered.get()),
                listing.industries(),
                listing.offerKind(),
                listing.mechanism().type().name(),
                rules(listing),
                money(view.currentPrice(), listing.currency()),
                money(view.minimumBid(), listing.currency()),
                view.bidCount(),
                view.endsAt(),
                view.reserve().name(),
                seenBy,
                awarded ? money(listing.awardPrice(), listing.currency()) : Optional.empty(),
                unsold(listing, view),
                history,
                listing.version());
    }

    @Override
    @Transactional(readOnly = true)
    public long version(String listingId) {
        return reading.version(ANYONE, listingId);
    }

    @Override
    @Transactional
    public Sale bid(Actor bidder, String listingId, Money amount, Optional<Money> maximum) {
        bidding.placeBid(bidder, listingId, amount, maximum.orElse(null));
        return sale(Optional.of(bidder), listingId);
    }

    @Override
    @Transactional
    public Sale accept(Actor bidder, String listingId) {
        bidding.accept(bidder, listingId);
        return sale(Optional.of(bidder), listingId);
    }

    @Override
    @Transactional
    public Sale buy(Actor buyer, String listingId) {
        bidding.purchase(buyer, listingId);
        return sale(Optional.of(buyer), listingId);
    }

    private static List<Sale.Item> items(Listing listing, Map<String, AssetSummary> found) {
        return listing.assetIds().stream()
                .map(found::get)
                .filter(java.util.Objects::nonNull)
                .map(a -> new Sale.Item(a.id(), a.title(), a.kind()))
                .toList();
    }

    private static Sale.Rules rules(Listing listing) {
        Mechanism m = listing.mechanism();
        return new Sale.Rules(
                m.startPrice(),
                m.reservePrice() != null,
                Optional.ofNullable(m.increment()),
                Money.of(listing.deposit(), listing.currency()),
                listing.startsAt(),
                m.endsAt(),
                seconds(m.extendWindowSeconds()),
                seconds(m.extendBySeconds()),
                Optional.ofNullable(m.latestEnd()),
                Optional.ofNullable(m.dutch())
                        .map(d -> new Sale.Clock(d.step(), Duration.ofSeconds(d.intervalSeconds()), d.floorPrice())));
    }

    private static Optional<String> unsold(Listing listing, AuctionView view) {
        if (listing.status() != ListingStatus.UNSOLD) {
            return Optional.empty();
        }
        return view.outcome()
                .filter(o -> o instanceof Outcome.Unsold)
                .map(o -> ((Outcome.Unsold) o).reason().name())
                .or(listing::statusReason);
    }

    private static Sale.Line line(Listing listing, Bids.Bid b, long sequence, Optional<Integer> bidder, boolean mine) {
        return new Sale.Line(sequence, bidder, mine, b.kind(), Money.of(b.amount(), listing.currency()), b.placedAt());
    }

    private static Optional<Duration> seconds(Long value) {
        return value == null || value == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }

    private static Optional<Money> money(OptionalLong value, String currency) {
        return value.isPresent() ? Optional.of(Money.of(value.getAsLong(), currency)) : Optional.empty();
    }
}
