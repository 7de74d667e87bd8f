package org.techmarket.listing.domain;

import java.time.Instant;

/** A sale at a published price to the first buyer who purchases between the start and the end. */
public record FixedPriceTerms(long price, Instant startsAt, Instant endsAt) implements AuctionTerms {

    public FixedPriceTerms {
        // The API carries the fixed price in the mechanism's startPrice.
        TermsChecks.positiveAmount(price, "startPrice");
        TermsChecks.schedule(startsAt, endsAt);
    }

    @Override
    public MechanismType type() {
        return MechanismType.FIXED_PRICE;
    }
}
