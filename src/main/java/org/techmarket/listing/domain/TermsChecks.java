package org.techmarket.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/** Checks shared by the mechanisms' parameters; each failure names the API field it concerns. */
final class TermsChecks {

    private TermsChecks() {}

    static void positiveAmount(long amount, String field) {
        if (amount <= 0) {
            throw AuctionRefusals.invalidMechanism(field, "must be more than zero");
        }
        if (amount > AuctionRefusals.MAX_AMOUNT) {
            throw AuctionRefusals.invalidMechanism(field, "must not exceed " + AuctionRefusals.MAX_AMOUNT + " fen");
        }
    }

    static void reserve(OptionalLong reservePrice, long startPrice) {
        Objects.requireNonNull(reservePrice, "reservePrice");
        if (reservePrice.isPresent()) {
            positiveAmount(reservePrice.getAsLong(), "reservePrice");
            // A reserve below the start price would let a lone sealed bid pay less than the published start.
            if (reservePrice.getAsLong() < startPrice) {
                throw AuctionRefusals.invalidMechanism("reservePrice", "must not be below the start price");
            }
        }
    }

    static void schedule(Instant startsAt, Instant endsAt) {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw AuctionRefusals.invalidMechanism("endsAt", "must be after startsAt");
        }
    }

    static void notNegative(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative()) {
            throw AuctionRefusals.invalidMechanism(field, "must not be negative");
        }
    }
}
