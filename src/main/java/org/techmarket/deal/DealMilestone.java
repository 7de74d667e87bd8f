package org.techmarket.deal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * A deal passed a milestone the market's statistics count: it completed (escrow paid the seller) or its contract was
 * registered with the venue. It carries what a deal is counted by: the listing it came from, if any, the mechanism,
 * the contract type, both parties' GB/T 2260 region codes, the price and the assets. Published in the step's
 * transaction; {@code at} is the step's time, as the deal's history records it.
 */
public record DealMilestone(
        String dealId,
        Stage stage,
        Optional<String> listingId,
        String mechanism,
        String contractType,
        String sellerRegion,
        String buyerRegion,
        Money price,
        List<String> assetIds,
        Instant at) {

    public DealMilestone {
        assetIds = List.copyOf(assetIds);
    }

    /** The milestones a deal reports. */
    public enum Stage {
        COMPLETED,
        REGISTERED
    }
}
