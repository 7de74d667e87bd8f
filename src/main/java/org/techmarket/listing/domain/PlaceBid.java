package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A bid of {@code amount} fen; in an English auction optionally with a secret {@code maxAmount} up to which
 * the platform bids for the bidder. The id is chosen by the caller so that a replay produces the same events.
 */
public record PlaceBid(String bidId, String bidderId, long amount, OptionalLong maxAmount, Instant at)
        implements AuctionCommand {

    public PlaceBid {
        Objects.requireNonNull(bidId, "bidId");
        Objects.requireNonNull(bidderId, "bidderId");
        Objects.requireNonNull(maxAmount, "maxAmount");
        Objects.requireNonNull(at, "at");
        requireAmount(amount, "amount");
        if (maxAmount.isPresent()) {
            requireAmount(maxAmount.getAsLong(), "maxAmount");
            if (maxAmount.getAsLong() < amount) {
                throw AuctionRefusals.invalidAmount("maxAmount", "must not be below the amount");
            }
        }
    }

    /** A plain bid: its maximum is its amount. */
    public static PlaceBid of(String bidId, String bidderId, long amount, Instant at) {
        return new PlaceBid(bidId, bidderId, amount, OptionalLong.empty(), at);
    }

    /** A proxy bid: the platform bids for the bidder up to {@code maxAmount}. */
    public static PlaceBid upTo(String bidId, String bidderId, long amount, long maxAmount, Instant at) {
        return new PlaceBid(bidId, bidderId, amount, OptionalLong.of(maxAmount), at);
    }

    /** The most this bid commits the bidder to. */
    public long maximum() {
        return maxAmount.orElse(amount);
    }

    private static void requireAmount(long value, String field) {
        if (value <= 0) {
            throw AuctionRefusals.invalidAmount(field, "must be more than zero");
        }
        if (value > AuctionRefusals.MAX_AMOUNT) {
            throw AuctionRefusals.invalidAmount(field, "must not exceed " + AuctionRefusals.MAX_AMOUNT + " fen");
        }
    }
}
