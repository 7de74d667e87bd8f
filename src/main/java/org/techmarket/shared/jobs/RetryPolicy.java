package org.techmarket.shared.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an item that failed is tried again: after {@code firstDelay}, doubling with each further failure up to
 * {@code maxDelay}; after {@code maxAttempts} failures in a row it is not tried again until an operator releases it.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("techmarket.jobs.max-attempts must be at least 1");
        }
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("techmarket.jobs.first-retry-after must be positive");
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("techmarket.jobs.max-retry-after must be at least first-retry-after");
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1, 2, …): firstDelay × 2^(failures − 1), capped. */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures start at 1");
        }
        Duration delay = firstDelay;
        for (int n = 1; n < failures && delay.compareTo(maxDelay) < 0; n++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * When to try again after the {@code failures}-th failure in a row, at {@code failedAt}; empty once the attempts
     * are used up and the item waits for an operator.
     */
    public Optional<Instant> nextAttempt(int failures, Instant failedAt) {
        return failures >= maxAttempts ? Optional.empty() : Optional.of(failedAt.plus(delayAfter(failures)));
    }
}
