package org.techmarket.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and instants that name something to come (a due date, an auction's end, a work's end) lie ahead, and no
 * further ahead than the market's horizon ({@code techmarket.api.date-horizon}, ten years by default): a date in
 * the year 10000 is a typo, not a plan. Refusals are 400 DATE_IN_PAST and DATE_BEYOND_HORIZON naming the field.
 */
public final class DateRules {

    private final Clock clock;
    private final Duration horizon;

    public DateRules(Clock clock, Duration horizon) {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("techmarket.api.date-horizon must be positive");
        }
        this.clock = clock;
        this.horizon = horizon;
    }

    /** Today in UTC, the market's calendar. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** {@code date} if it is today or later and within the horizon. */
    public LocalDate requireComing(LocalDate date, String field) {
        if (date.isBefore(today())) {
            throw Rejection.invalid(
                    SharedCodes.DATE_IN_PAST, field, field + " " + date + " has passed; today is " + today());
        }
        return requireWithinHorizon(date, field);
    }

    /** {@code date}, if it is no later than the horizon (it may have passed). */
    public LocalDate requireWithinHorizon(LocalDate date, String field) {
        LocalDate last = LocalDate.ofInstant(clock.instant().plus(horizon), ZoneOffset.UTC);
        if (date.isAfter(last)) {
            throw beyond(field, date + " is later than " + last);
        }
        return date;
    }

    /** {@code at}, if it is no later than the horizon (it may have passed). */
    public Instant requireWithinHorizon(Instant at, String field) {
        Instant last = clock.instant().plus(horizon);
        if (at.isAfter(last)) {
            throw beyond(field, at + " is later than " + last);
        }
        return at;
    }

    private Rejection beyond(String field, String why) {
        return Rejection.invalid(
                SharedCodes.DATE_BEYOND_HORIZON,
                field,
                field + " lies beyond the market's horizon of " + horizon.toDays() + " days: " + why);
    }
}
