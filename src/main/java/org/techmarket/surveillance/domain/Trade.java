package org.techmarket.surveillance.domain;

import java.time.Instant;
import java.util.List;

/**
 * A deal as surveillance reads it: who sold what to whom, in which future industries and the seller's province, of
 * which kind (the grant: assignment or a licence), at what price in minor units, and when it was struck.
 */
public record Trade(
        String dealId,
        String sellerId,
        String buyerId,
        List<String> assetIds,
        List<String> industries,
        String province,
        String kind,
        long price,
        String currency,
        Instant at) {

    public Trade {
        assetIds = List.copyOf(assetIds);
        industries = List.copyOf(industries);
    }
}
