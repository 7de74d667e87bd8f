package org.techmarket.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleStateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private final ThrottlePolicy policy = new ThrottlePolicy(
            5, Duration.ofSeconds(1), Duration.ofMinutes(15), 10, Duration.ofMinutes(30), Duration.ofHours(1));

    @Test
    void theFirstFailuresAreFreeThenEachBackOffDoublesUpToItsMaximum() {
        assertThat(policy.backOffAfter(5)).isZero();
        assertThat(policy.backOffAfter(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backOffAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backOffAfter(9)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backOffAfter(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.backOffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAttemptIsCountedWhenLetThroughAndAnAttemptDuringTheBackOffIsRefused() {
        ThrottleState state = ThrottleState.fresh(T0);
        for (int i = 0; i < 5; i++) {
            assertThat(state.refusalAt(T0)).isEmpty();
            state = state.attempted(T0, policy);
        }
        assertThat(state.failures()).isEqualTo(5);
        assertThat(state.refusalAt(T0)).isEmpty();
        state = state.attempted(T0, policy);
        ThrottleState.Refusal refusal = state.refusalAt(T0.plusMillis(200)).orElseThrow();
        assertThat(refusal.locked()).isFalse();
        assertThat(refusal.retryAfterSeconds(T0.plusMillis(200))).isEqualTo(1);
        assertThat(state.refusalAt(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void theTenthFailureLocksUntilTheLockRunsOutAndThenTheCountStartsAfresh() {
        ThrottleState state = ThrottleState.fresh(T0);
        Instant at = T0;
        for (int i = 0; i < 9; i++) {
            at = state.blockedUntil().orElse(at);
            state = state.attempted(at, policy);
            assertThat(state.locks()).isFalse();
        }
        at = state.blockedUntil().orElseThrow();
        state = state.attempted(at, policy);
        assertThat(state.locks()).isTrue();
        ThrottleState.Refusal refusal = state.refusalAt(at.plusSeconds(60)).orElseThrow();
        assertThat(refusal.locked()).isTrue();
        assertThat(refusal.retryAfterSeconds(at.plusSeconds(60))).isEqualTo(29 * 60);
        Instant later = at.plus(Duration.ofMinutes(30));
        assertThat(state.refusalAt(later)).isEmpty();
        assertThat(state.attempted(later, policy).failures()).isEqualTo(1);
    }

    @Test
    void aQuietSpellForgetsTheFailures() {
        ThrottleState state = new ThrottleState(4, T0, java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(state.attempted(T0.plus(Duration.ofMinutes(59)), policy).failures())
                .isEqualTo(5);
        assertThat(state.attempted(T0.plus(Duration.ofMinutes(61)), policy).failures())
                .isEqualTo(1);
    }

    @Test
    void aPolicyWithoutLockNeverLocks() {
        ThrottlePolicy addresses = new ThrottlePolicy(
                20, Duration.ofSeconds(1), Duration.ofMinutes(15), 0, Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(addresses.locksAt(1_000)).isFalse();
        assertThat(policy.locksAt(9)).isFalse();
        assertThat(policy.locksAt(10)).isTrue();
    }

    @Test
    void aSuccessUncountsItsOwnAttemptAndLiftsTheBackOffItSet() {
        ThrottlePolicy addresses = new ThrottlePolicy(
                20, Duration.ofSeconds(1), Duration.ofMinutes(15), 0, Duration.ofMinutes(30), Duration.ofHours(1));
        ThrottleState state = new ThrottleState(20, T0, java.util.Optional.empty(), java.util.Optional.empty())
                .attempted(T0, addresses);
        assertThat(state.refusalAt(T0)).isPresent();
        ThrottleState after = state.succeeded();
        assertThat(after.failures()).isEqualTo(20);
        assertThat(after.refusalAt(T0)).isEmpty();
        assertThat(after.attempted(T0, addresses).blockedUntil()).contains(T0.plus(addresses.backOffAfter(21)));
    }
}
