package org.techmarket.listing;

import java.time.Instant;
import java.util.Optional;

/**
 * A listing reached a final status (AWARDED, UNSOLD, WITHDRAWN, CANCELLED or REJECTED) and takes no more bids or
 * offers. Published in the ending's transaction; {@code reason} is the one recorded on the listing, if any.
 */
public record ListingEnded(String listingId, String status, Optional<String> reason, Instant endedAt) {}
