package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/** A bidder's current sealed bid; {@code sequence} orders bids by when the sale accepted them. */
public record SealedBid(String bidId, String bidderId, long amount, long sequence, Instant at) {

    public SealedBid {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this bid ranks above {@code other}: a higher amount, or the same amount accepted earlier. */
    boolean beats(SealedBid other) {
        return amount != other.amount ? amount > other.amount : sequence < other.sequence;
    }
}
