package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.techmarket.shared.Rejection;

/** The stable codes with which the auction rules refuse a command or a mechanism, and the refusals carrying them. */
public final class AuctionRefusals {

    public static final String INVALID_MECHANISM = "INVALID_MECHANISM";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String BID_BELOW_MINIMUM = "BID_BELOW_MINIMUM";
    public static final String MAXIMUM_NOT_RAISED = "MAXIMUM_NOT_RAISED";
    public static final String NOT_ENGLISH = "NOT_ENGLISH";
    public static final String WRONG_MECHANISM = "WRONG_MECHANISM";
    public static final String AUCTION_NOT_OPEN = "AUCTION_NOT_OPEN";
    public static final String AUCTION_ENDED = "AUCTION_ENDED";
    public static final String AUCTION_NOT_ENDED = "AUCTION_NOT_ENDED";
    public static final String ALREADY_SOLD = "ALREADY_SOLD";
    public static final String ALREADY_CLOSED = "ALREADY_CLOSED";
    public static final String INVALID_STATUS_TRANSITION = "INVALID_STATUS_TRANSITION";
    public static final String LISTING_HAS_BIDS = "LISTING_HAS_BIDS";

    /**
     * The largest amount accepted anywhere in the rules: 10^15 fen, ten trillion yuan. It keeps every sum the
     * rules form (a price plus a step) far from overflowing a {@code long}.
     */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private AuctionRefusals() {
    }

    static Rejection invalidMechanism(String field, String message) {
        return Rejection.invalid(INVALID_MECHANISM, "mechanism." + field, message);
    }

    static Rejection invalidAmount(String field, String message) {
        return Rejection.invalid(INVALID_AMOUNT, field, message);
    }

    static Rejection belowMinimum(long minimum) {
        return new Rejection(Rejection.Kind.CONFLICT, BID_BELOW_MINIMUM,
                "The bid is below the minimum of " + minimum + " fen", List.of(), Map.of("minimumBid", minimum));
    }

    static Rejection maximumNotRaised() {
        return Rejection.conflict(MAXIMUM_NOT_RAISED, "The leading bidder's new maximum must exceed their current one");
    }

    static Rejection notEnglish() {
        return new Rejection(Rejection.Kind.UNPROCESSABLE, NOT_ENGLISH,
                "A maximum amount is only accepted in an English auction", List.of(), Map.of());
    }

    static Rejection wrongMechanism(MechanismType type, String action) {
        return new Rejection(Rejection.Kind.UNPROCESSABLE, WRONG_MECHANISM,
                "A " + type + " sale does not " + action, List.of(), Map.of());
    }

    static Rejection notOpen(Instant startsAt) {
        return new Rejection(Rejection.Kind.CONFLICT, AUCTION_NOT_OPEN, "Bidding opens at " + startsAt, List.of(),
                Map.of("startsAt", startsAt.toString()));
    }

    static Rejection ended() {
        return Rejection.conflict(AUCTION_ENDED, "Bidding has ended");
    }

    static Rejection notEnded(Instant endsAt) {
        return new Rejection(Rejection.Kind.CONFLICT, AUCTION_NOT_ENDED, "Bidding runs until " + endsAt, List.of(),
                Map.of("endsAt", endsAt.toString()));
    }

    static Rejection alreadySold() {
        return Rejection.conflict(ALREADY_SOLD, "The offer has already been sold");
    }

    static Rejection alreadyClosed() {
        return Rejection.conflict(ALREADY_CLOSED, "The sale has already been closed");
    }
}
