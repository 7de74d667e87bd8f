package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.listing.domain.AuctionEvent.AuctionClosed;
import org.techmarket.listing.domain.AuctionEvent.AuctionExtended;
import org.techmarket.listing.domain.AuctionEvent.BidPlaced;
import org.techmarket.listing.domain.AuctionEvent.LeaderChanged;
import org.techmarket.listing.domain.AuctionEvent.PriceRaised;
import org.techmarket.listing.domain.AuctionEvent.ReserveMet;
import org.techmarket.listing.domain.EnglishState.Leader;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

/**
 * An ascending open auction with proxy bidding. Each bidder gives a secret maximum; the leader is the bidder with
 * the highest (the earlier one on a tie) and the price is the lower of their maximum and the runner-up's maximum
 * plus the step at that price, never below the start price, and raised to the reserve once the leader's maximum
 * meets it. Every bid costs constant time: only the top two maxima are kept.
 */
public final class EnglishAuction implements Auction {

    private final EnglishTerms terms;
    private EnglishState state;

    private EnglishAuction(EnglishTerms terms, EnglishState state) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.state = Objects.requireNonNull(state, "state");
    }

    public static EnglishAuction open(EnglishTerms terms) {
        return new EnglishAuction(terms, EnglishState.before(terms));
    }

    public static EnglishAuction rehydrate(EnglishTerms terms, EnglishState state) {
        return new EnglishAuction(terms, state);
    }

    @Override
    public EnglishTerms terms() {
        return terms;
    }

    @Override
    public EnglishState state() {
        return state;
    }

    /** The least amount the next bid must have: the start price first, then the current price plus its step. */
    public long minimumBid() {
        long price = state.currentPrice();
        return state.bidCount() == 0
                ? terms.startPrice()
                : price + terms.increment().stepAt(price);
    }

    @Override
    public AuctionResult placeBid(PlaceBid bid) {
        requireBiddingAt(bid.at());
        long minimum = minimumBid();
        if (bid.amount() < minimum) {
            throw AuctionRefusals.belowMinimum(minimum);
        }
        EnglishState before = state;
        Standing standing = standingAfter(bid);
        long price = priceFor(standing.leader().maximum(), standing.runnerUp());
        Instant end = terms.endAfterBid(before.endsAt(), bid.at());
        state = new EnglishState(
                before.bidCount() + 1,
                Optional.of(standing.leader()),
                standing.runnerUp(),
                price,
                end,
                Optional.empty());
        return new AuctionResult(eventsOf(bid, before, state), view(bid.at()));
    }

    @Override
    public AuctionResult close(Instant at) {
        if (state.outcome().isPresent()) {
            throw AuctionRefusals.alreadyClosed();
        }
        if (at.isBefore(state.endsAt())) {
            throw AuctionRefusals.notEnded(state.endsAt());
        }
        Outcome outcome = state.leader().map(this::outcomeFor).orElse(new Unsold(UnsoldReason.NO_BIDS));
        state = state.closedWith(outcome);
        return new AuctionResult(List.of(new AuctionClosed(outcome, at)), view(at));
    }

    @Override
    public AuctionView view(Instant at) {
        boolean closed = state.outcome().isPresent();
        boolean hasBids = state.bidCount() > 0;
        return new AuctionView(
                MechanismType.ENGLISH,
                hasBids ? OptionalLong.of(state.currentPrice()) : OptionalLong.empty(),
                closed ? OptionalLong.empty() : OptionalLong.of(minimumBid()),
                OptionalLong.of(state.bidCount()),
                state.endsAt(),
                reserveStatus(),
                state.leader().map(Leader::bidderId),
                state.outcome());
    }

    private void requireBiddingAt(Instant at) {
        if (state.outcome().isPresent() || !at.isBefore(state.endsAt())) {
            throw AuctionRefusals.ended();
        }
        if (at.isBefore(terms.startsAt())) {
            throw AuctionRefusals.notOpen(terms.startsAt());
        }
    }

    /** Who leads after {@code bid} and the best maximum of the others. */
    private Standing standingAfter(PlaceBid bid) {
        Leader bidder = new Leader(bid.bidderId(), bid.maximum(), bid.bidId());
        if (state.leader().isEmpty()) {
            return new Standing(bidder, OptionalLong.empty());
        }
        Leader leader = state.leader().get();
        if (leader.bidderId().equals(bid.bidderId())) {
            if (bid.maximum() <= leader.maximum()) {
                throw AuctionRefusals.maximumNotRaised();
            }
            return new Standing(bidder, state.runnerUpMaximum());
        }
        if (bid.maximum() > leader.maximum()) {
            return new Standing(bidder, OptionalLong.of(leader.maximum()));
        }
        // At or below the leader's maximum the earlier bid keeps the lead. The challenger's maximum is now the
        // best of the rest: it is at least the minimum bid, above every other maximum, which are all at or
        // below the current price.
        long runnerUp = Math.max(bid.maximum(), state.runnerUpMaximum().orElse(0));
        return new Standing(leader, OptionalLong.of(runnerUp));
    }

    private long priceFor(long leaderMaximum, OptionalLong runnerUp) {
        long price = terms.startPrice();
        if (runnerUp.isPresent()) {
            long challenge = runnerUp.getAsLong() + terms.increment().stepAt(runnerUp.getAsLong());
            price = Math.max(price, Math.min(leaderMaximum, challenge));
        }
        // Once the leader would pay the reserve, the price shows it: the displayed price is then the price paid.
        if (terms.reservePrice().isPresent() && terms.reserveMetBy(leaderMaximum)) {
            price = Math.max(price, terms.reservePrice().getAsLong());
        }
        return price;
    }

    private List<AuctionEvent> eventsOf(PlaceBid bid, EnglishState before, EnglishState after) {
        List<AuctionEvent> events = new ArrayList<>(4);
        Instant at = bid.at();
        events.add(new BidPlaced(bid.bidId(), bid.bidderId(), bid.amount(), bid.maximum(), after.bidCount(), at));
        Optional<String> previousLeader = before.leader().map(Leader::bidderId);
        String leaderId = after.leader().orElseThrow().bidderId();
        if (!previousLeader.filter(leaderId::equals).isPresent()) {
            events.add(new LeaderChanged(leaderId, previousLeader, at));
        }
        if (after.currentPrice() > before.currentPrice()) {
            events.add(new PriceRaised(before.currentPrice(), after.currentPrice(), at));
        }
        if (terms.reservePrice().isPresent() && reserveMet(after) && !reserveMet(before)) {
            events.add(new ReserveMet(at));
        }
        if (after.endsAt().isAfter(before.endsAt())) {
            events.add(new AuctionExtended(before.endsAt(), after.endsAt(), at));
        }
        return events;
    }

    private boolean reserveMet(EnglishState of) {
        return of.leader()
                .filter(leader -> terms.reserveMetBy(leader.maximum()))
                .isPresent();
    }

    private ReserveStatus reserveStatus() {
        if (terms.reservePrice().isEmpty()) {
            return ReserveStatus.NO_RESERVE;
        }
        return reserveMet(state) ? ReserveStatus.MET : ReserveStatus.NOT_MET;
    }

    private record Standing(Leader leader, OptionalLong runnerUp) {}

    private Outcome outcomeFor(Leader leader) {
        if (!terms.reserveMetBy(leader.maximum())) {
            return new Unsold(UnsoldReason.RESERVE_NOT_MET);
        }
        return new Award(leader.bidderId(), state.currentPrice());
    }
}
