package org.techmarket.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A descending clock's parameters: the price starts at {@code startPrice} and falls by {@code step} at the end
 * of every full {@code interval} after the start, down to {@code floorPrice}, where it stays until the end.
 */
public record DutchTerms(
        long startPrice, long step, Duration interval, long floorPrice, Instant startsAt, Instant endsAt)
        implements AuctionTerms {

    public DutchTerms {
        TermsChecks.positiveAmount(startPrice, "startPrice");
        TermsChecks.positiveAmount(step, "dutch.step");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw AuctionRefusals.invalidMechanism("dutch.intervalSeconds", "must be more than zero");
        }
        TermsChecks.positiveAmount(floorPrice, "dutch.floorPrice");
        if (floorPrice >= startPrice) {
            throw AuctionRefusals.invalidMechanism("dutch.floorPrice", "must be below the start price");
        }
        TermsChecks.schedule(startsAt, endsAt);
        // Refused here so that priceAt never counts more drops than a long holds.
        try {
            Duration.between(startsAt, endsAt).dividedBy(interval);
        } catch (ArithmeticException tooManyDrops) {
            throw AuctionRefusals.invalidMechanism("dutch.intervalSeconds", "is too short for the schedule");
        }
    }

    @Override
    public MechanismType type() {
        return MechanismType.DUTCH;
    }

    /**
     * The clock's price at {@code at}: the start price until the first interval has passed, never below the
     * floor. The clock stops at the end, so any later instant shows the last price.
     */
    public long priceAt(Instant at) {
        if (!at.isAfter(startsAt)) {
            return startPrice;
        }
        Instant clock = at.isAfter(endsAt) ? endsAt : at;
        long drops = Duration.between(startsAt, clock).dividedBy(interval);
        // Compare before multiplying: after enough drops the product would overflow, and the answer is the floor.
        long dropsToFloor = (startPrice - floorPrice + step - 1) / step;
        return drops >= dropsToFloor ? floorPrice : Math.max(floorPrice, startPrice - drops * step);
    }
}
