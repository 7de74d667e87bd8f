package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;

/** The closing job ends a sale whose end has passed and settles its outcome. */
public record CloseAuction(Instant at) implements AuctionCommand {

    public CloseAuction {
        Objects.requireNonNull(at, "at");
    }
}
