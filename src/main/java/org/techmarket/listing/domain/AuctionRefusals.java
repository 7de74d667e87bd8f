package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.techmarket.listing.ListingCodes;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The refusals with which the auction rules refuse a command or a mechanism (their codes are {@link ListingCodes}),
 * and the largest amount the rules accept.
 */
public final class AuctionRefusals {

    /**
     * The largest amount accepted anywhere in the rules: 10^15 fen, ten trillion yuan. It keeps every sum the
     * rules form (a price plus a step) far from overflowing a {@code long}.
     */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private AuctionRefusals() {}

    static Rejection invalidMechanism(String field, String message) {
        return Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism." + field, message);
    }

    static Rejection invalidAmount(String field, String message) {
        return Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, message);
    }

    static Rejection belowMinimum(long minimum) {
        return new Rejection(
                Rejection.Kind.CONFLICT,
                ListingCodes.BID_BELOW_MINIMUM,
                "The bid is below the minimum of " + minimum + " fen",
                List.of(),
                Map.of("minimumBid", minimum));
    }

    static Rejection maximumNotRaised() {
        return Rejection.conflict(
                ListingCodes.MAXIMUM_NOT_RAISED, "The leading bidder's new maximum must exceed their current one");
    }

    static Rejection notEnglish() {
        return new Rejection(
                Rejection.Kind.UNPROCESSABLE,
                ListingCodes.NOT_ENGLISH,
                "A maximum amount is only accepted in an English auction",
                List.of(),
                Map.of());
    }

    static Rejection wrongMechanism(MechanismType type, String action) {
        return new Rejection(
                Rejection.Kind.UNPROCESSABLE,
                ListingCodes.WRONG_MECHANISM,
                "A " + type + " sale does not " + action,
                List.of(),
                Map.of());
    }

    static Rejection notOpen(Instant startsAt) {
        return new Rejection(
                Rejection.Kind.CONFLICT,
                ListingCodes.AUCTION_NOT_OPEN,
                "Bidding opens at " + startsAt,
                List.of(),
                Map.of("startsAt", startsAt.toString()));
    }

    static Rejection ended() {
        return Rejection.conflict(ListingCodes.AUCTION_ENDED, "Bidding has ended");
    }

    static Rejection notEnded(Instant endsAt) {
        return new Rejection(
                Rejection.Kind.CONFLICT,
                ListingCodes.AUCTION_NOT_ENDED,
                "Bidding runs until " + endsAt,
                List.of(),
                Map.of("endsAt", endsAt.toString()));
    }

    static Rejection alreadySold() {
        return Rejection.conflict(ListingCodes.ALREADY_SOLD, "The offer has already been sold");
    }

    static Rejection alreadyClosed() {
        return Rejection.conflict(ListingCodes.ALREADY_CLOSED, "The sale has already been closed");
    }
}
