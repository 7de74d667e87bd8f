package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a sale shows the public at one instant; anything still secret (a sealed sale's bids, every maximum, the
 * reserve amount) is absent. {@code leaderId} lets the application tell a caller whether they lead.
 */
public record AuctionView(
        MechanismType mechanism,
        OptionalLong currentPrice,
        OptionalLong minimumBid,
        OptionalLong bidCount,
        Instant endsAt,
        ReserveStatus reserve,
        Optional<String> leaderId,
        Optional<Outcome> outcome) {

    public boolean isLeading(String bidderId) {
        return leaderId.filter(bidderId::equals).isPresent();
    }

    public boolean isClosed() {
        return outcome.isPresent();
    }
}
