package org.techmarket.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A listing sold by bidding, as surveillance reads it: its seller, its segment (the future industry it is listed
 * under), its bidding window, its hidden reserve if any, its winner once awarded, and its bids in the order accepted.
 */
public record Auction(
        String listingId,
        String sellerId,
        String segment,
        Instant startsAt,
        Instant endsAt,
        Optional<Long> reserve,
        Optional<String> winnerId,
        List<Bid> bids) {

    public Auction {
        bids = List.copyOf(bids);
    }

    /** The same auction with these bids in place of its own. */
    public Auction withBids(List<Bid> others) {
        return new Auction(listingId, sellerId, segment, startsAt, endsAt, reserve, winnerId, others);
    }

    /** How far into the bidding window {@code at} lies, from 0 (the start) to 1 (the end). */
    double elapsed(Instant at) {
        long window = Math.max(1, Duration.between(startsAt, endsAt).toMillis());
        double share = Duration.between(startsAt, at).toMillis() / (double) window;
        return Math.max(0, Math.min(1, share));
    }
}
