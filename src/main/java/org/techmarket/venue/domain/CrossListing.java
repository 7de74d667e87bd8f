package org.techmarket.venue.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.venue.VenueCodes;

/**
 * A listing of one venue offered on another: its seller asks, the other venue's operator approves, and from then on
 * buyers verified by that venue bid in the same auction, with the same order book and escrow, as introduced by it.
 * A cross-listing is approved once and stays.
 */
public record CrossListing(
        String listingId,
        String venueId,
        String listingVenueId,
        String requestedBy,
        Instant requestedAt,
        Optional<String> approvedBy,
        Optional<Instant> approvedAt) {

    public CrossListing {
        if (venueId.equals(listingVenueId)) {
            throw Rejection.conflict(
                    VenueCodes.CROSS_LISTING_ON_OWN_VENUE, "A listing is cross-listed on another venue than its own");
        }
    }

    public static CrossListing request(
            String listingId, String venueId, String listingVenueId, String requestedBy, Instant at) {
        return new CrossListing(
                listingId, venueId, listingVenueId, requestedBy, at, Optional.empty(), Optional.empty());
    }

    public boolean isApproved() {
        return approvedAt.isPresent();
    }

    /** The venue's operator approves it; approving it twice is refused. */
    public CrossListing approve(String operator, Instant at) {
        if (isApproved()) {
            throw Rejection.conflict(
                    VenueCodes.ALREADY_CROSS_LISTED, "Listing " + listingId + " is already cross-listed on this venue");
        }
        return new CrossListing(
                listingId, venueId, listingVenueId, requestedBy, requestedAt, Optional.of(operator), Optional.of(at));
    }
}
