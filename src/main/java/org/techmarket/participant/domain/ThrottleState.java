package org.techmarket.participant.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The log-in attempts under one key. An attempt is counted as a failure when it is let through, before its password
 * is checked, so attempts racing one another cannot get past the limit; a success clears the key. While blocked
 * (back-off) or locked, attempts are refused without being counted.
 */
public record ThrottleState(
        int failures, Instant lastAttemptAt, Optional<Instant> blockedUntil, Optional<Instant> lockedUntil) {

    public static ThrottleState fresh(Instant now) {
        return new ThrottleState(0, now, Optional.empty(), Optional.empty());
    }

    /** Why an attempt now is refused, or empty when it may go ahead. */
    public Optional<Refusal> refusalAt(Instant now) {
        if (lockedUntil.isPresent() && now.isBefore(lockedUntil.get())) {
            return Optional.of(new Refusal(true, lockedUntil.get()));
        }
        if (blockedUntil.isPresent() && now.isBefore(blockedUntil.get())) {
            return Optional.of(new Refusal(false, blockedUntil.get()));
        }
        return Optional.empty();
    }

    /** The state after an attempt let through now, counted as a failure until it succeeds. */
    public ThrottleState attempted(Instant now, ThrottlePolicy policy) {
        // A lock that has run out, like a long quiet spell, starts the count afresh.
        boolean forgotten = lastAttemptAt.plus(policy.forgetAfter()).isBefore(now)
                || lockedUntil.map(until -> !now.isBefore(until)).orElse(false);
        int counted = (forgotten ? 0 : failures) + 1;
        Duration backOff = policy.backOffAfter(counted);
        return new ThrottleState(
                counted,
                now,
                backOff.isZero() ? Optional.empty() : Optional.of(now.plus(backOff)),
                policy.locksAt(counted) ? Optional.of(now.plus(policy.lockFor())) : Optional.empty());
    }

    /**
     * The state after an attempt let through turned out right, for a key that a success does not clear (a client
     * address): the attempt is no longer counted as a failure, and the back-off it set is lifted. The earlier
     * failures still count, so the next failure backs off as long as it would have.
     */
    public ThrottleState succeeded() {
        return new ThrottleState(Math.max(0, failures - 1), lastAttemptAt, Optional.empty(), lockedUntil);
    }

    /** Whether this attempt's failure locks the key (it had not been locked before). */
    public boolean locks() {
        return lockedUntil.isPresent();
    }

    /** An attempt refused until a time: locked, or backing off. */
    public record Refusal(boolean locked, Instant until) {
        /** Whole seconds to wait, at least one, as {@code Retry-After} gives them. */
        public long retryAfterSeconds(Instant now) {
            long millis = Duration.between(now, until).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
