package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.listing.domain.AuctionEvent.AuctionClosed;
import org.techmarket.listing.domain.AuctionEvent.SealedBidPlaced;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

/**
 * A sealed-bid auction: one bid per bidder, replaced by a later one until the end, nothing shown before the close.
 * The highest bid wins (the one accepted earlier on a tie, a replaced bid counting from its replacement) if it
 * reaches the reserve, and pays its own amount or the higher of the second-highest bid and the reserve.
 */
public final class SealedBidAuction implements Auction {

    private final SealedBidTerms terms;
    // Keyed by bidder; insertion order is acceptance order because a replaced bid is removed and added again.
    private final Map<String, SealedBid> bids = new LinkedHashMap<>();
    private long lastSequence;
    private Optional<Outcome> outcome;

    private SealedBidAuction(SealedBidTerms terms, SealedState state) {
        this.terms = Objects.requireNonNull(terms, "terms");
        state.bids().forEach(bid -> bids.put(bid.bidderId(), bid));
        this.lastSequence = state.lastSequence();
        this.outcome = state.outcome();
    }

    public static SealedBidAuction open(SealedBidTerms terms) {
        return new SealedBidAuction(terms, new SealedState(List.of(), 0, Optional.empty()));
    }

    public static SealedBidAuction rehydrate(SealedBidTerms terms, SealedState state) {
        return new SealedBidAuction(terms, state);
    }

    @Override
    public SealedBidTerms terms() {
        return terms;
    }

    /** A snapshot of every current bid; it costs time in the number of bidders, so take it once per command. */
    @Override
    public SealedState state() {
        return new SealedState(List.copyOf(bids.values()), lastSequence, outcome);
    }

    /** The bidder's own current bid, which they alone may see before the close. */
    public Optional<SealedBid> bidOf(String bidderId) {
        return Optional.ofNullable(bids.get(bidderId));
    }

    @Override
    public AuctionResult placeBid(PlaceBid bid) {
        if (bid.maxAmount().isPresent()) {
            throw AuctionRefusals.notEnglish();
        }
        if (outcome.isPresent() || !bid.at().isBefore(terms.endsAt())) {
            throw AuctionRefusals.ended();
        }
        if (bid.at().isBefore(terms.startsAt())) {
            throw AuctionRefusals.notOpen(terms.startsAt());
        }
        // Bids under a hidden reserve are taken (refusing them would reveal the reserve); they just cannot win.
        if (bid.amount() < terms.startPrice()) {
            throw AuctionRefusals.belowMinimum(terms.startPrice());
        }
        Optional<SealedBid> replaced = Optional.ofNullable(bids.remove(bid.bidderId()));
        SealedBid placed = new SealedBid(bid.bidId(), bid.bidderId(), bid.amount(), ++lastSequence, bid.at());
        bids.put(placed.bidderId(), placed);
        AuctionEvent event = new SealedBidPlaced(
                placed.bidId(),
                placed.bidderId(),
                placed.amount(),
                placed.sequence(),
                replaced.map(SealedBid::bidId),
                placed.at());
        return new AuctionResult(List.of(event), view(bid.at()));
    }

    @Override
    public AuctionResult close(Instant at) {
        if (outcome.isPresent()) {
            throw AuctionRefusals.alreadyClosed();
        }
        if (at.isBefore(terms.endsAt())) {
            throw AuctionRefusals.notEnded(terms.endsAt());
        }
        Outcome result = decide();
        outcome = Optional.of(result);
        return new AuctionResult(List.of(new AuctionClosed(result, at)), view(at));
    }

    @Override
    public AuctionView view(Instant at) {
        if (outcome.isEmpty()) {
            ReserveStatus reserve =
                    terms.reservePrice().isPresent() ? ReserveStatus.UNDISCLOSED : ReserveStatus.NO_RESERVE;
            return new AuctionView(
                    terms.type(),
                    OptionalLong.empty(),
                    OptionalLong.of(terms.startPrice()),
                    OptionalLong.empty(),
                    terms.endsAt(),
                    reserve,
                    Optional.empty(),
                    outcome);
        }
        Optional<Award> award = outcome.filter(Award.class::isInstance).map(Award.class::cast);
        ReserveStatus reserve = terms.reservePrice().isEmpty()
                ? ReserveStatus.NO_RESERVE
                : award.isPresent() ? ReserveStatus.MET : ReserveStatus.NOT_MET;
        return new AuctionView(
                terms.type(),
                award.map(a -> OptionalLong.of(a.price())).orElse(OptionalLong.empty()),
                OptionalLong.empty(),
                OptionalLong.of(bids.size()),
                terms.endsAt(),
                reserve,
                award.map(Award::winnerId),
                outcome);
    }

    /** One pass for the top two bids, so closing costs time in the number of bidders and no more. */
    private Outcome decide() {
        SealedBid first = null;
        SealedBid second = null;
        for (SealedBid bid : bids.values()) {
            if (first == null || bid.beats(first)) {
                second = first;
                first = bid;
            } else if (second == null || bid.beats(second)) {
                second = bid;
            }
        }
        if (first == null) {
            return new Unsold(UnsoldReason.NO_BIDS);
        }
        if (first.amount() < terms.floorPrice()) {
            return new Unsold(UnsoldReason.RESERVE_NOT_MET);
        }
        if (terms.pricing() == Pricing.FIRST_PRICE) {
            return new Award(first.bidderId(), first.amount());
        }
        // With a lone bidder there is no second bid: the price is the reserve, or the start price without one.
        long secondAmount = second == null ? 0 : second.amount();
        return new Award(first.bidderId(), Math.max(secondAmount, terms.floorPrice()));
    }
}
