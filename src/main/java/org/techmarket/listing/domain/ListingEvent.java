package org.techmarket.listing.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * What happened to a listing, as its aggregate reports it. The market's log records each one under the record's
 * simple name with {@link #payload()}; these names are the log's event types, so a record is not renamed.
 */
public sealed interface ListingEvent {

    String listingId();

    /** What the log keeps of the event. */
    Map<String, Object> payload();

    /** The seller drafted the listing. */
    record ListingDrafted(String listingId, String sellerId, List<String> assetIds, String offer, String mechanism)
            implements ListingEvent {

        public ListingDrafted {
            assetIds = List.copyOf(assetIds);
        }

        @Override
        public Map<String, Object> payload() {
            return Map.of("sellerId", sellerId, "assetIds", assetIds, "offer", offer, "mechanism", mechanism);
        }
    }

    /** A move along the lifecycle table, logged as the status reached and, for a refusal or an ending, why. */
    sealed interface StatusMoved extends ListingEvent {

        /** The status the listing moved to, one for each kind of move. */
        default ListingStatus status() {
            if (this instanceof ListingSubmitted) {
                return ListingStatus.SUBMITTED;
            }
            if (this instanceof ListingApproved) {
                return ListingStatus.APPROVED;
            }
            if (this instanceof ListingPublished) {
                return ListingStatus.PUBLISHED;
            }
            if (this instanceof ListingOpened) {
                return ListingStatus.OPEN;
            }
            if (this instanceof ListingRejected) {
                return ListingStatus.REJECTED;
            }
            return this instanceof ListingWithdrawn ? ListingStatus.WITHDRAWN : ListingStatus.CANCELLED;
        }

        default Optional<String> reason() {
            return Optional.empty();
        }

        @Override
        default Map<String, Object> payload() {
            return reason().<Map<String, Object>>map(r -> Map.of("status", status().name(), "reason", r))
                    .orElseGet(() -> Map.of("status", status().name()));
        }
    }

    /** The seller submitted the listing for approval. */
    record ListingSubmitted(String listingId) implements StatusMoved {}

    /** An operator approved the listing. */
    record ListingApproved(String listingId) implements StatusMoved {}

    /** The approved listing was disclosed to the market; bidding waits for its start. */
    record ListingPublished(String listingId) implements StatusMoved {}

    /** Bidding (or negotiating) started. The market opens a listing, not a participant. */
    record ListingOpened(String listingId) implements StatusMoved {}

    /** An operator refused the listing. */
    record ListingRejected(String listingId, String why) implements StatusMoved {
        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }

    /** The seller withdrew the listing before any bid. */
    record ListingWithdrawn(String listingId) implements StatusMoved {}

    /** The listing was cancelled before award: by an operator, or because its seller or its rights went away. */
    record ListingCancelled(String listingId, String why) implements StatusMoved {
        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }

    /** A bid the sale took, with the public price after it. */
    sealed interface BidTaken extends ListingEvent {

        String bidId();

        String bidderId();

        /** The amount bid, absent for a sealed bid (it stays out of the log until the close) and for a take. */
        Optional<Money> amount();

        Optional<Money> currentPrice();

        @Override
        default Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bidId", bidId());
            payload.put("bidderId", bidderId());
            amount().ifPresent(a -> payload.put("amount", a.toString()));
            currentPrice().ifPresent(p -> payload.put("currentPrice", p.toString()));
            return payload;
        }
    }

    /** An English or sealed bid. */
    record BidPlaced(
            String listingId, String bidId, String bidderId, Optional<Money> amount, Optional<Money> currentPrice)
            implements BidTaken {}

    /** A bidder took a Dutch clock's current price. */
    record DutchPriceAccepted(
            String listingId, String bidId, String bidderId, Optional<Money> amount, Optional<Money> currentPrice)
            implements BidTaken {}

    /** A buyer paid a fixed price. */
    record FixedPricePurchased(
            String listingId, String bidId, String bidderId, Optional<Money> amount, Optional<Money> currentPrice)
            implements BidTaken {}

    /** The listing closed with a winner at a price. A negotiated award names its mechanism in the log. */
    record ListingAwarded(String listingId, String winnerId, Money price, MechanismType mechanism)
            implements ListingEvent {

        @Override
        public Map<String, Object> payload() {
            return mechanism == MechanismType.NEGOTIATION
                    ? Map.of("winnerId", winnerId, "price", price.toString(), "mechanism", mechanism.name())
                    : Map.of("winnerId", winnerId, "price", price.toString());
        }
    }

    /** The listing closed without a sale: {@code unsold} says why, {@code details} who or what stood in the way. */
    record ListingUnsold(String listingId, String unsold, Map<String, Object> details) implements ListingEvent {

        public ListingUnsold {
            details = Map.copyOf(details);
        }

        @Override
        public Map<String, Object> payload() {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("unsold", unsold);
            payload.putAll(details);
            return payload;
        }
    }
}
