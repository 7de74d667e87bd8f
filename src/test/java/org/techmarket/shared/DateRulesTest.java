package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateRulesTest {

    private final DateRules rules =
            new DateRules(Clock.fixed(Instant.parse("2026-03-10T22:00:00Z"), ZoneOffset.UTC), Duration.ofDays(3650));

    @Test
    void aComingDateIsTodayOrLaterInUtc() {
        assertThat(rules.requireComing(LocalDate.of(2026, 3, 10), "dueDate")).isEqualTo(LocalDate.of(2026, 3, 10));
        refused(() -> rules.requireComing(LocalDate.of(2026, 3, 9), "dueDate"), "DATE_IN_PAST", "dueDate");
        refused(() -> rules.requireComing(LocalDate.of(2000, 1, 1), "dueDate"), "DATE_IN_PAST", "dueDate");
    }

    @Test
    void nothingLiesBeyondTheHorizon() {
        assertThat(rules.requireComing(LocalDate.of(2036, 3, 7), "dueDate")).isEqualTo(LocalDate.of(2036, 3, 7));
        refused(() -> rules.requireComing(LocalDate.of(2036, 3, 8), "dueDate"), "DATE_BEYOND_HORIZON", "dueDate");
        refused(() -> rules.requireWithinHorizon(LocalDate.of(9999, 12, 31), "end"), "DATE_BEYOND_HORIZON", "end");
        Instant last = Instant.parse("2026-03-10T22:00:00Z").plus(Duration.ofDays(3650));
        assertThat(rules.requireWithinHorizon(last, "endsAt")).isEqualTo(last);
        refused(() -> rules.requireWithinHorizon(last.plusSeconds(1), "endsAt"), "DATE_BEYOND_HORIZON", "endsAt");
        refused(
                () -> rules.requireWithinHorizon(Instant.parse("+10000-01-01T00:00:00Z"), "endsAt"),
                "DATE_BEYOND_HORIZON",
                "endsAt");
    }

    @Test
    void theHorizonIsPositive() {
        assertThatThrownBy(() -> new DateRules(Clock.systemUTC(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void refused(Runnable call, String code, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly(field);
        });
    }
}
