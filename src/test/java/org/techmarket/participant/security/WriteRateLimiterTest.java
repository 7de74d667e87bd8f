package org.techmarket.participant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Writes are counted per token and per address in token buckets that refill evenly, on the injected clock. */
class WriteRateLimiterTest {

    private final SteppedClock clock = new SteppedClock();
    private final WriteRateLimiter limiter = new WriteRateLimiter(
            new WriteRateLimiter.Allowance(3, Duration.ofMinutes(1)),
            new WriteRateLimiter.Allowance(5, Duration.ofMinutes(1)),
            1000,
            clock);

    @Test
    void aTokenMayBurstItsAllowanceThenWaitsForTheNextWriteToRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("10.0.0.1", Optional.of("t1"))).isEmpty();
        }

        Optional<Long> refused = limiter.take("10.0.0.1", Optional.of("t1"));

        assertThat(refused).contains(20L); // one of three a minute comes back every 20 s
        clock.advance(Duration.ofSeconds(19));
        assertThat(limiter.take("10.0.0.1", Optional.of("t1"))).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.take("10.0.0.1", Optional.of("t1"))).isEmpty();
        assertThat(limiter.take("10.0.0.1", Optional.of("t1"))).isPresent();
    }

    @Test
    void anotherTokenHasItsOwnAllowanceAndARefusedWriteDoesNotCountAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            limiter.take("10.0.0.2", Optional.of("t1"));
        }
        assertThat(limiter.take("10.0.0.2", Optional.of("t1"))).isPresent();
        assertThat(limiter.take("10.0.0.2", Optional.of("t1"))).isPresent();

        assertThat(limiter.take("10.0.0.2", Optional.of("t2"))).isEmpty();
        assertThat(limiter.take("10.0.0.2", Optional.of("t2"))).isEmpty();
        assertThat(limiter.take("10.0.0.2", Optional.of("t3")))
                .as("the address's sixth write, its five taken by the writes served")
                .isPresent();
    }

    @Test
    void anAddressIsLimitedWithOrWithoutAToken() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take("10.0.0.3", Optional.empty())).isEmpty();
        }

        assertThat(limiter.take("10.0.0.3", Optional.empty())).contains(12L);
        assertThat(limiter.take("10.0.0.3", Optional.of("fresh"))).contains(12L);
        assertThat(limiter.take("10.0.0.4", Optional.empty())).isEmpty();
    }

    @Test
    void zeroWritesMeansNoLimitAndKeepsNoBuckets() {
        WriteRateLimiter open = new WriteRateLimiter(
                new WriteRateLimiter.Allowance(0, Duration.ofMinutes(1)),
                new WriteRateLimiter.Allowance(0, Duration.ofMinutes(1)),
                1000,
                clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(open.take("10.0.0.5", Optional.of("t"))).isEmpty();
        }
        assertThat(open.bucketCount()).isZero();
    }

    @Test
    void bucketsThatHaveFilledUpAgainAreForgottenWhenThereAreTooMany() {
        WriteRateLimiter small = new WriteRateLimiter(
                new WriteRateLimiter.Allowance(3, Duration.ofMinutes(1)),
                new WriteRateLimiter.Allowance(5, Duration.ofMinutes(1)),
                10,
                clock);
        for (int i = 0; i < 10; i++) {
            small.take("10.1.0." + i, Optional.empty());
        }
        assertThat(small.bucketCount()).isEqualTo(10);

        clock.advance(Duration.ofMinutes(1));
        small.take("10.2.0.1", Optional.empty());

        assertThat(small.bucketCount()).isEqualTo(1);
    }

    /** A clock that stands still until the test moves it, so that what a bucket holds depends on nothing else. */
    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
