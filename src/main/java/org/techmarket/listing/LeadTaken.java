package org.techmarket.listing;

import java.time.Instant;
import org.techmarket.shared.Money;

/**
 * A bidder took the lead of an English auction from another: {@code previousLeaderId} no longer leads at
 * {@code currentPrice}. {@code venueId} is the listing's venue. Published in the bid's transaction; a bid that left
 * the leader in place publishes nothing.
 */
public record LeadTaken(
        String listingId,
        String venueId,
        String bidId,
        String leaderId,
        String previousLeaderId,
        Money currentPrice,
        Instant at) {}
