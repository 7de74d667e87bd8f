package org.techmarket.listing.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sealed-bid auction's state: each bidder's current bid (in the order accepted) and the last sequence used.
 * The bids are secret until {@code outcome} is present.
 */
public record SealedState(List<SealedBid> bids, long lastSequence, Optional<Outcome> outcome) implements AuctionState {

    public SealedState {
        bids = List.copyOf(bids);
        Objects.requireNonNull(outcome, "outcome");
        if (bids.stream().map(SealedBid::bidderId).distinct().count() != bids.size()) {
            throw new IllegalArgumentException("A sealed state holds one bid per bidder");
        }
        // A later bid must get a higher sequence than every stored one, or ties would be decided wrongly.
        if (bids.stream().anyMatch(bid -> bid.sequence() > lastSequence)) {
            throw new IllegalArgumentException("A sealed bid's sequence is beyond the state's last sequence");
        }
    }
}
