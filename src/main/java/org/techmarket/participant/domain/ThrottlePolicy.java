package org.techmarket.participant.domain;

import java.time.Duration;

/**
 * How log-in attempts under one key (an account name or a client address) are slowed down: the first
 * {@code freeFailures} consecutive failures cost nothing, each further one makes the next attempt wait twice as long
 * as the one before (from {@code firstBackOff} up to {@code maxBackOff}), and at {@code lockAfter} failures (0: never)
 * the key is locked for {@code lockFor}. A key with no attempt for {@code forgetAfter} starts afresh.
 */
public record ThrottlePolicy(
        int freeFailures,
        Duration firstBackOff,
        Duration maxBackOff,
        int lockAfter,
        Duration lockFor,
        Duration forgetAfter) {

    public ThrottlePolicy {
        if (freeFailures < 0 || lockAfter < 0) {
            throw new IllegalArgumentException("failure counts must not be negative");
        }
        if (firstBackOff.isNegative() || firstBackOff.isZero() || maxBackOff.compareTo(firstBackOff) < 0) {
            throw new IllegalArgumentException("back-off must be positive and its maximum at least its first step");
        }
    }

    /** How long the next attempt must wait after this many consecutive failures. */
    public Duration backOffAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration backOff = firstBackOff.multipliedBy(1L << doublings);
        return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
    }

    /** Whether this many consecutive failures lock the key. */
    public boolean locksAt(int failures) {
        return lockAfter > 0 && failures >= lockAfter;
    }
}
