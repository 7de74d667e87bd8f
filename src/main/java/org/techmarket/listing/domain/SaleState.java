package org.techmarket.listing.domain;

import java.util.Objects;
import java.util.Optional;

/** The state of a Dutch or fixed-price sale, which is open until its one acceptance or its end. */
public record SaleState(Optional<Outcome> outcome) implements AuctionState {

    public SaleState {
        Objects.requireNonNull(outcome, "outcome");
    }

    static SaleState open() {
        return new SaleState(Optional.empty());
    }
}
