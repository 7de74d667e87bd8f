package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A sealed-bid auction's parameters: how the winner pays (own bid, or second price), the least bid accepted,
 * an optional hidden reserve that a winning bid must reach, and the schedule.
 */
public record SealedBidTerms(
        Pricing pricing, long startPrice, OptionalLong reservePrice, Instant startsAt, Instant endsAt)
        implements AuctionTerms {

    /** What the winner of a sealed-bid auction pays. */
    public enum Pricing {
        /** The winner pays their own bid. */
        FIRST_PRICE,
        /** The winner pays the higher of the second-highest bid and the reserve (Vickrey). */
        SECOND_PRICE
    }

    public SealedBidTerms {
        Objects.requireNonNull(pricing, "pricing");
        TermsChecks.positiveAmount(startPrice, "startPrice");
        TermsChecks.reserve(reservePrice, startPrice);
        TermsChecks.schedule(startsAt, endsAt);
    }

    @Override
    public MechanismType type() {
        return pricing == Pricing.FIRST_PRICE ? MechanismType.SEALED_FIRST_PRICE : MechanismType.SEALED_SECOND_PRICE;
    }

    /** The reserve, or the start price when there is none: no winning bid and no price may be lower. */
    long floorPrice() {
        return reservePrice.orElse(startPrice);
    }
}
