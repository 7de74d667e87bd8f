package org.techmarket.participant.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for writes, one per bearer token and one per client address: a bucket holds {@code writes} and
 * refills them evenly over {@code period}, so a client may burst up to the whole allowance and then goes on at its
 * rate. A write takes one from its address's bucket and, when it carries a token, one from the token's; when either
 * is empty it is refused with the whole seconds until one is back, and the other bucket keeps what it had. Time is
 * the injected clock's. Buckets live in this node's memory (ADR 0042): with several nodes each applies the limits
 * to what it receives; a bucket that has filled up again is dropped when the number of buckets grows past
 * {@code maxBuckets}.
 */
final class WriteRateLimiter {

    /** The allowance of one kind of client: {@code writes} per {@code period}; zero writes means no limit. */
    record Allowance(long writes, Duration period) {
        Allowance {
            if (writes < 0 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("writes must be zero or more per a positive period");
            }
        }

        boolean unlimited() {
            return writes == 0;
        }
    }

    private final Allowance perToken;
    private final Allowance perAddress;
    private final int maxBuckets;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimiter(Allowance perToken, Allowance perAddress, int maxBuckets, Clock clock) {
        this.perToken = perToken;
        this.perAddress = perAddress;
        this.maxBuckets = maxBuckets;
        this.time = new ClockTime(clock);
    }

    /**
     * Takes one write for {@code address} and, when present, {@code token} (a digest of it: buckets are named by
     * it); empty when served, else the seconds to wait before trying again (at least one).
     */
    Optional<Long> take(String address, Optional<String> token) {
        Optional<Long> wait = take("address:" + address, perAddress);
        if (wait.isPresent() || token.isEmpty()) {
            return wait;
        }
        wait = take("token:" + token.get(), perToken);
        if (wait.isPresent() && !perAddress.unlimited()) {
            buckets.get("address:" + address).addTokens(1); // refused, so it did not count against the address
        }
        return wait;
    }

    private Optional<Long> take(String key, Allowance allowance) {
        if (allowance.unlimited()) {
            return Optional.empty();
        }
        if (buckets.size() >= maxBuckets) {
            forgetFullBuckets();
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(key, k -> bucket(allowance)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        long nanos = probe.getNanosToWaitForRefill();
        return Optional.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket bucket(Allowance allowance) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(allowance.writes()).refillGreedy(allowance.writes(), allowance.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    /** A bucket that has filled up again is as good as a new one. */
    private void forgetFullBuckets() {
        buckets.entrySet().removeIf(entry -> {
            Allowance allowance = entry.getKey().startsWith("token:") ? perToken : perAddress;
            return entry.getValue().getAvailableTokens() >= allowance.writes();
        });
    }

    int bucketCount() {
        return buckets.size();
    }

    /** The injected clock as the buckets' time. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
