package org.techmarket.deal;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * How a deal's venue charges its fee, provided by the venue module: the rate, minimum and maximum of the fee
 * schedule the listing was approved under, and the venue that introduced the buyer, if one shares the fee. Where a
 * venue has set no schedule, the market's configured rate applies and the whole fee goes to the deal's venue.
 */
public interface DealFees {

    /** The venue's terms for the deal, or empty where its venue has set no fee schedule. */
    Optional<FeeTerms> termsFor(DealFeeQuery deal);

    /** Told, in the transaction that pays it, how a fee out of a deal was shared between the venues. */
    void feePaid(FeePaid paid);

    /** What a fee depends on: the deal's venue and listing, its price mechanism and contract type, and its buyer. */
    record DealFeeQuery(
            String dealId,
            String venueId,
            Optional<String> listingId,
            String mechanism,
            String contractType,
            String buyerId) {}

    /**
     * The fee's rate in basis points, bounded by a minimum and a maximum in fen, and the share of it, in basis points,
     * that goes to the venue that introduced the buyer.
     */
    record FeeTerms(
            int basisPoints,
            long minimumFen,
            long maximumFen,
            Optional<String> introducingVenueId,
            int introducerShareBasisPoints) {}

    /** A fee paid out of a deal: what the listing venue and the introducing venue each received, summing to it. */
    record FeePaid(
            String dealId,
            String listingVenueId,
            Optional<String> introducingVenueId,
            Money fee,
            long listingVenueFen,
            long introducerFen,
            Instant at) {}
}
