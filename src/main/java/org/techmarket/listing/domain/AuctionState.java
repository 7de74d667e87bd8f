package org.techmarket.listing.domain;

import java.util.Optional;

/** A sale's complete mutable state as an immutable value: persist it, and hand it back to re-hydrate the sale. */
public sealed interface AuctionState permits EnglishState, SealedState, SaleState {

    /** Present once the sale has ended. */
    Optional<Outcome> outcome();
}
