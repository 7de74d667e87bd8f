package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything an English auction needs to take its next bid, of constant size however many bids it has taken:
 * the leader with their secret maximum, the best maximum of everyone else, the current price and the end. The
 * bid history lives in the events; the maxima here are secret.
 */
public record EnglishState(
        long bidCount,
        Optional<Leader> leader,
        OptionalLong runnerUpMaximum,
        long currentPrice,
        Instant endsAt,
        Optional<Outcome> outcome)
        implements AuctionState {

    /** The leading bidder, their secret maximum and the bid that set it. */
    public record Leader(String bidderId, long maximum, String bidId) {

        public Leader {
            Objects.requireNonNull(bidderId, "bidderId");
            Objects.requireNonNull(bidId, "bidId");
        }
    }

    public EnglishState {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(runnerUpMaximum, "runnerUpMaximum");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(outcome, "outcome");
        if (leader.isEmpty() != (bidCount == 0) || (runnerUpMaximum.isPresent() && leader.isEmpty())) {
            throw new IllegalArgumentException("An English state has a leader exactly when it has bids");
        }
    }

    static EnglishState before(EnglishTerms terms) {
        return new EnglishState(
                0, Optional.empty(), OptionalLong.empty(), terms.startPrice(), terms.endsAt(), Optional.empty());
    }

    EnglishState closedWith(Outcome result) {
        return new EnglishState(bidCount, leader, runnerUpMaximum, currentPrice, endsAt, Optional.of(result));
    }
}
