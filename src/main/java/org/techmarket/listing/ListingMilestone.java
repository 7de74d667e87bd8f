package org.techmarket.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * A listing passed a stage of the market's funnel: published ({@code LISTED}), bid on for the first time
 * ({@code BID_ON}) or awarded ({@code AWARDED}, with the {@code price} realised). It carries what the market's
 * statistics count a listing by, the secret reserve among them, and is published in the step's transaction;
 * {@code at} is the step's time.
 */
public record ListingMilestone(
        String listingId,
        Stage stage,
        String mechanism,
        List<String> assetIds,
        Money startPrice,
        Optional<Money> reservePrice,
        Instant startsAt,
        Optional<Money> price,
        Instant at) {

    public ListingMilestone {
        assetIds = List.copyOf(assetIds);
    }

    /** The funnel's stages a listing reports. */
    public enum Stage {
        LISTED,
        BID_ON,
        AWARDED
    }
}
