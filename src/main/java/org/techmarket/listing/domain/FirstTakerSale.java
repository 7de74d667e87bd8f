package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.listing.domain.AuctionEvent.AuctionClosed;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

/** The rules Dutch and fixed-price sales share: open from start to end, won by the first taker, else unsold. */
final class FirstTakerSale {

    private final AuctionTerms terms;
    private SaleState state;

    FirstTakerSale(AuctionTerms terms, SaleState state) {
        this.terms = terms;
        this.state = state;
    }

    SaleState state() {
        return state;
    }

    void requireOpenAt(Instant at) {
        if (state.outcome().filter(Award.class::isInstance).isPresent()) {
            throw AuctionRefusals.alreadySold();
        }
        if (state.outcome().isPresent() || !at.isBefore(terms.endsAt())) {
            throw AuctionRefusals.ended();
        }
        if (at.isBefore(terms.startsAt())) {
            throw AuctionRefusals.notOpen(terms.startsAt());
        }
    }

    /** Awards the sale to the taker; the caller has checked that it is open. */
    List<AuctionEvent> award(AuctionEvent taking, String takerId, long price) {
        Outcome award = new Award(takerId, price);
        state = new SaleState(Optional.of(award));
        return List.of(taking, new AuctionClosed(award, taking.at()));
    }

    List<AuctionEvent> close(Instant at) {
        if (state.outcome().isPresent()) {
            throw AuctionRefusals.alreadyClosed();
        }
        if (at.isBefore(terms.endsAt())) {
            throw AuctionRefusals.notEnded(terms.endsAt());
        }
        Outcome unsold = new Unsold(UnsoldReason.NO_BIDS);
        state = new SaleState(Optional.of(unsold));
        return List.of(new AuctionClosed(unsold, at));
    }

    /** The public view, given the price to show while the sale is open. */
    AuctionView view(long openPrice) {
        Optional<Award> award = state.outcome().filter(Award.class::isInstance).map(Award.class::cast);
        OptionalLong price = award.map(a -> OptionalLong.of(a.price()))
                .orElse(state.outcome().isPresent() ? OptionalLong.empty() : OptionalLong.of(openPrice));
        return new AuctionView(
                terms.type(),
                price,
                OptionalLong.empty(),
                OptionalLong.of(award.isPresent() ? 1 : 0),
                terms.endsAt(),
                ReserveStatus.NO_RESERVE,
                award.map(Award::winnerId),
                state.outcome());
    }
}
