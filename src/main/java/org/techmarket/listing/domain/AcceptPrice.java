package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/** A bidder takes a Dutch clock's price as it stands at {@code at}. */
public record AcceptPrice(String bidId, String bidderId, Instant at) implements AuctionCommand {

    public AcceptPrice {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(at, "at");
    }
}
