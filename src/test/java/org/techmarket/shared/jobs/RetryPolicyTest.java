package org.techmarket.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class RetryPolicyTest {

    private static final Instant FAILED_AT = Instant.parse("2026-12-05T06:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesWithEachFailureInARowUpToTheCap() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aVeryLongRunOfFailuresNeitherOverflowsNorPassesTheCap() {
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        RetryPolicy huge = new RetryPolicy(Integer.MAX_VALUE, Duration.ofDays(1), Duration.ofDays(365 * 1000L));
        assertThat(huge.delayAfter(100)).isEqualTo(Duration.ofDays(365 * 1000L));
    }

    @Test
    void theNextAttemptIsAfterTheWaitUntilTheAttemptsAreUsedUp() {
        assertThat(policy.nextAttempt(1, FAILED_AT)).contains(FAILED_AT.plusSeconds(10));
        assertThat(policy.nextAttempt(7, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(8, FAILED_AT)).isEmpty();
        assertThat(policy.nextAttempt(9, FAILED_AT)).isEmpty();
    }

    @Test
    void oneAttemptOnlyMeansTheFirstFailureWaitsForAnOperator() {
        assertThat(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).nextAttempt(1, FAILED_AT))
                .isEmpty();
    }

    @Test
    void impossibleSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorIsDescribedByItsCodeOrItsCauseAndKeptShort() {
        assertThat(BackgroundJobs.describe(Rejection.conflict("RIGHTS_CONFLICT", "taken")))
                .isEqualTo("RIGHTS_CONFLICT: taken");
        assertThat(BackgroundJobs.describe(new IllegalStateException("outer", new ArithmeticException("inner"))))
                .isEqualTo("IllegalStateException: outer (caused by ArithmeticException: inner)");
        assertThat(BackgroundJobs.describe(new IllegalStateException("x".repeat(5000))))
                .hasSize(1000);
    }
}
