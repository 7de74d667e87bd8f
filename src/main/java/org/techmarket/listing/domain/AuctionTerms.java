package org.techmarket.listing.domain;

import java.time.Instant;

/** The published parameters of one sale, validated when built; a sale accepts bids from its start until its end. */
public sealed interface AuctionTerms permits EnglishTerms, SealedBidTerms, DutchTerms, FixedPriceTerms {

    MechanismType type();

    Instant startsAt();

    /** The scheduled end; an English auction's soft close may move its actual end later. */
    Instant endsAt();
}
