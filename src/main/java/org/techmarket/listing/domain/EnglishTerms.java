package org.techmarket.listing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An ascending open auction's parameters: the start price, an optional hidden reserve, the increment, the
 * schedule, and the soft close (a bid within {@code extendWindow} of the end moves the end to {@code extendBy}
 * after that bid, never past {@code latestEnd}). A zero window turns the soft close off.
 */
public record EnglishTerms(
        long startPrice,
        OptionalLong reservePrice,
        Increment increment,
        Instant startsAt,
        Instant endsAt,
        Duration extendWindow,
        Duration extendBy,
        Optional<Instant> latestEnd)
        implements AuctionTerms {

    public EnglishTerms {
        TermsChecks.positiveAmount(startPrice, "startPrice");
        TermsChecks.reserve(reservePrice, startPrice);
        Objects.requireNonNull(increment, "increment");
        if (increment instanceof Increment.Tiered tiered && tiered.firstFrom() > startPrice) {
            throw AuctionRefusals.invalidMechanism("increments[0].from", "must not be above the start price");
        }
        TermsChecks.schedule(startsAt, endsAt);
        TermsChecks.notNegative(extendWindow, "extendWindowSeconds");
        TermsChecks.notNegative(extendBy, "extendBySeconds");
        Objects.requireNonNull(latestEnd, "latestEnd");
        if (latestEnd.isPresent() && latestEnd.get().isBefore(endsAt)) {
            throw AuctionRefusals.invalidMechanism("latestEnd", "must not be before endsAt");
        }
    }

    /** Terms without a reserve and without a soft close. */
    public static EnglishTerms simple(long startPrice, Increment increment, Instant startsAt, Instant endsAt) {
        return new EnglishTerms(
                startPrice,
                OptionalLong.empty(),
                increment,
                startsAt,
                endsAt,
                Duration.ZERO,
                Duration.ZERO,
                Optional.empty());
    }

    @Override
    public MechanismType type() {
        return MechanismType.ENGLISH;
    }

    /** Whether a leader with this secret maximum meets the reserve; true when there is no reserve. */
    boolean reserveMetBy(long maximum) {
        return reservePrice.isEmpty() || maximum >= reservePrice.getAsLong();
    }

    /** The end after a bid accepted at {@code bidTime}: the same or later, never past the cap. */
    Instant endAfterBid(Instant currentEnd, Instant bidTime) {
        if (extendWindow.isZero() || bidTime.isBefore(currentEnd.minus(extendWindow))) {
            return currentEnd;
        }
        Instant wanted = bidTime.plus(extendBy);
        Instant capped = latestEnd.filter(wanted::isAfter).orElse(wanted);
        return capped.isAfter(currentEnd) ? capped : currentEnd;
    }
}
