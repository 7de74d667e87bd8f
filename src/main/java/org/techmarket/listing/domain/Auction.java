package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.List;

/**
 * One sale under one mechanism: takes commands, answers with past-tense events and a public view or a typed
 * {@link org.techmarket.shared.Rejection}, and keeps its state as an immutable value to persist and re-hydrate.
 * A refused command changes nothing. Commands a mechanism does not take are refused with {@code WRONG_MECHANISM}.
 */
public sealed interface Auction permits EnglishAuction, SealedBidAuction, DutchAuction, FixedPriceSale {

    /** A new sale with no bids yet. */
    static Auction open(AuctionTerms terms) {
        if (terms instanceof EnglishTerms english) {
            return EnglishAuction.open(english);
        }
        if (terms instanceof SealedBidTerms sealed) {
            return SealedBidAuction.open(sealed);
        }
        if (terms instanceof DutchTerms dutch) {
            return DutchAuction.open(dutch);
        }
        return FixedPriceSale.open((FixedPriceTerms) terms);
    }

    /** The sale as it was when {@code state} was taken from it; the state must belong to the terms' mechanism. */
    static Auction rehydrate(AuctionTerms terms, AuctionState state) {
        if (terms instanceof EnglishTerms english) {
            return EnglishAuction.rehydrate(english, stateOf(EnglishState.class, terms, state));
        }
        if (terms instanceof SealedBidTerms sealed) {
            return SealedBidAuction.rehydrate(sealed, stateOf(SealedState.class, terms, state));
        }
        if (terms instanceof DutchTerms dutch) {
            return DutchAuction.rehydrate(dutch, stateOf(SaleState.class, terms, state));
        }
        return FixedPriceSale.rehydrate((FixedPriceTerms) terms, stateOf(SaleState.class, terms, state));
    }

    private static <S extends AuctionState> S stateOf(Class<S> expected, AuctionTerms terms, AuctionState state) {
        if (!expected.isInstance(state)) {
            // Stored terms and state disagree: a persistence bug, not a participant's mistake.
            throw new IllegalArgumentException("A " + terms.type() + " sale cannot be rebuilt from a "
                    + state.getClass().getSimpleName());
        }
        return expected.cast(state);
    }

    /** The sale rebuilt by applying, in order, the commands it once accepted; same commands, same state. */
    static Auction replay(AuctionTerms terms, List<? extends AuctionCommand> accepted) {
        Auction auction = open(terms);
        accepted.forEach(auction::apply);
        return auction;
    }

    AuctionTerms terms();

    AuctionState state();

    /** What the public may see at {@code at}. */
    AuctionView view(Instant at);

    /** Takes an English or sealed bid. */
    default AuctionResult placeBid(PlaceBid bid) {
        throw AuctionRefusals.wrongMechanism(terms().type(), "take bids");
    }

    /** Takes a Dutch clock's current price. */
    default AuctionResult acceptPrice(AcceptPrice acceptance) {
        throw AuctionRefusals.wrongMechanism(terms().type(), "take acceptances of a falling price");
    }

    /** Buys a fixed-price offer. */
    default AuctionResult purchase(Purchase purchase) {
        throw AuctionRefusals.wrongMechanism(terms().type(), "take purchases at a fixed price");
    }

    /** Ends the sale at or after its end and settles the outcome; refused before the end and when already ended. */
    AuctionResult close(Instant at);

    /** Carries out any command; the one entry point for replays and command queues. */
    default AuctionResult apply(AuctionCommand command) {
        if (command instanceof PlaceBid bid) {
            return placeBid(bid);
        }
        if (command instanceof AcceptPrice acceptance) {
            return acceptPrice(acceptance);
        }
        if (command instanceof Purchase purchase) {
            return purchase(purchase);
        }
        return close(command.at());
    }
}
