package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/** A buyer takes a fixed-price offer at its price. */
public record Purchase(String bidId, String buyerId, Instant at) implements AuctionCommand {

    public Purchase {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(buyerId, "buyerId");
        Objects.requireNonNull(at, "at");
    }
}
