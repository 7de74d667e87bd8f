package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What happened in a sale, in the order it happened. Events may carry secrets (maxima, sealed amounts): the
 * application stores them and decides what to publish, and must not publish those before the close.
 */
public sealed interface AuctionEvent {

    Instant at();

    /** An English bid was accepted; {@code maximum} is the bidder's secret proxy limit. */
    record BidPlaced(String bidId, String bidderId, long amount, long maximum, long sequence, Instant at)
            implements AuctionEvent {}

    /** A new bidder leads an English auction; the previous leader, if any, has been outbid. */
    record LeaderChanged(String leaderId, Optional<String> previousLeaderId, Instant at) implements AuctionEvent {}

    /** An English auction's current price went up. */
    record PriceRaised(long from, long to, Instant at) implements AuctionEvent {}

    /** The leader's maximum now meets the hidden reserve; the amount of the reserve stays hidden. */
    record ReserveMet(Instant at) implements AuctionEvent {}

    /** A bid in the soft-close window moved the end later. */
    record AuctionExtended(Instant from, Instant to, Instant at) implements AuctionEvent {}

    /** A sealed bid was accepted, replacing the bidder's earlier bid if {@code replacedBidId} is present. */
    record SealedBidPlaced(
            String bidId, String bidderId, long amount, long sequence, Optional<String> replacedBidId, Instant at)
            implements AuctionEvent {}

    /** A bidder took a Dutch clock's price, which ends the sale. */
    record PriceAccepted(String bidId, String bidderId, long price, Instant at) implements AuctionEvent {}

    /** A buyer took a fixed-price offer, which ends the sale. */
    record Purchased(String bidId, String buyerId, long price, Instant at) implements AuctionEvent {}

    /** The sale ended with this outcome. */
    record AuctionClosed(Outcome outcome, Instant at) implements AuctionEvent {}
}
