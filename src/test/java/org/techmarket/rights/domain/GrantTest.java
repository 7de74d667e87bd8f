package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.rights.domain.Fixtures.draft;
import static org.techmarket.rights.domain.Fixtures.scope;
import static org.techmarket.rights.domain.Fixtures.term;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class GrantTest {

    private final Grant licence = draft(GrantType.EXCLUSIVE_LICENCE)
            .over(scope("G06N", "CN", "2027-01-01", "2032-01-01"))
            .grant("g-1");

    @Test
    void an_active_grant_holds_its_whole_term() {
        assertThat(licence.status()).isEqualTo(GrantStatus.ACTIVE);
        assertThat(licence.effectiveTerm()).contains(term("2027-01-01", "2032-01-01"));
        assertThat(licence.holdsOnOrAfter(LocalDate.of(2031, 12, 31))).isTrue();
        assertThat(licence.holdsOnOrAfter(LocalDate.of(2032, 1, 1))).isFalse();
    }

    @Test
    void early_termination_frees_the_scope_from_its_effective_date() {
        Grant terminated = licence.terminate(LocalDate.of(2029, 6, 1));

        assertThat(terminated.status()).isEqualTo(GrantStatus.TERMINATED);
        assertThat(terminated.terminatedFrom()).contains(LocalDate.of(2029, 6, 1));
        assertThat(terminated.effectiveTerm()).contains(term("2027-01-01", "2029-06-01"));
        assertThat(terminated.holdsWithin(scope("G06N", "CN", "2029-05-01", "2030-01-01")))
                .isTrue();
        assertThat(terminated.holdsWithin(scope("G06N", "CN", "2029-06-01", "2030-01-01")))
                .isFalse();
    }

    @Test
    void termination_before_the_start_leaves_nothing_in_force() {
        Grant cancelled = licence.terminate(LocalDate.of(2026, 6, 1));

        assertThat(cancelled.isInForce()).isFalse();
        assertThat(cancelled.effectiveTerm()).isEmpty();
        assertThat(cancelled.holdsWithin(licence.scope())).isFalse();
    }

    @Test
    void cannot_terminate_on_or_after_the_natural_end_nor_twice() {
        assertThatThrownBy(() -> licence.terminate(LocalDate.of(2032, 1, 1)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_TERMINATION_DATE"));
        Grant terminated = licence.terminate(LocalDate.of(2029, 1, 1));
        assertThatThrownBy(() -> terminated.terminate(LocalDate.of(2028, 1, 1)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_STATUS_TRANSITION"));
    }

    @Test
    void an_expired_grant_holds_nothing_and_stays_expired() {
        Grant expired = licence.expire();

        assertThat(expired.status()).isEqualTo(GrantStatus.EXPIRED);
        assertThat(expired.isInForce()).isFalse();
        assertThatThrownBy(expired::expire).isInstanceOf(Rejection.class);
    }

    @Test
    void a_grant_reads_expired_from_its_end_day_on() {
        assertThat(licence.asOf(LocalDate.of(2031, 12, 31))).isSameAs(licence);
        assertThat(licence.isDueToExpire(LocalDate.of(2031, 12, 31))).isFalse();

        Grant onTheEndDay = licence.asOf(LocalDate.of(2032, 1, 1));
        assertThat(licence.isDueToExpire(LocalDate.of(2032, 1, 1))).isTrue();
        assertThat(onTheEndDay.status()).isEqualTo(GrantStatus.EXPIRED);
        assertThat(onTheEndDay.isInForce()).isFalse();
        assertThat(licence.asOf(LocalDate.of(2040, 1, 1)).status()).isEqualTo(GrantStatus.EXPIRED);
    }

    @Test
    void only_an_active_grant_falls_due_to_expire() {
        Grant terminated = licence.terminate(LocalDate.of(2029, 1, 1));
        assertThat(terminated.isDueToExpire(LocalDate.of(2033, 1, 1))).isFalse();
        assertThat(terminated.asOf(LocalDate.of(2033, 1, 1))).isSameAs(terminated);
        Grant expired = licence.expire();
        assertThat(expired.asOf(LocalDate.of(2033, 1, 1))).isSameAs(expired);
    }

    @Test
    void a_grant_cut_short_by_its_parent_ends_no_later_than_the_parent() {
        LocalDate parentEnds = LocalDate.of(2029, 6, 1);

        assertThat(licence.endNoLaterThan(parentEnds)).hasValueSatisfying(cut -> {
            assertThat(cut.status()).isEqualTo(GrantStatus.TERMINATED);
            assertThat(cut.terminatedFrom()).contains(parentEnds);
        });
        Grant endsLater = licence.terminate(LocalDate.of(2030, 1, 1));
        assertThat(endsLater.endNoLaterThan(parentEnds)).hasValueSatisfying(cut -> {
            assertThat(cut.status()).isEqualTo(GrantStatus.TERMINATED);
            assertThat(cut.effectiveTerm()).contains(term("2027-01-01", "2029-06-01"));
        });
    }

    @Test
    void a_grant_that_already_ends_earlier_is_left_as_it_is() {
        assertThat(licence.terminate(LocalDate.of(2028, 1, 1)).endNoLaterThan(LocalDate.of(2029, 6, 1)))
                .isEmpty();
        assertThat(licence.terminate(LocalDate.of(2029, 6, 1)).endNoLaterThan(LocalDate.of(2029, 6, 1)))
                .isEmpty();
        assertThat(licence.endNoLaterThan(LocalDate.of(2032, 1, 1))).isEmpty();
        assertThat(licence.endNoLaterThan(LocalDate.of(2035, 1, 1))).isEmpty();
        assertThat(licence.expire().endNoLaterThan(LocalDate.of(2029, 6, 1))).isEmpty();
    }

    @Test
    void only_a_pledge_can_be_released() {
        assertThatThrownBy(licence::release)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("NOT_A_PLEDGE"));

        Grant released = draft(GrantType.PLEDGE).to("org-bank").grant("p-1").release();
        assertThat(released.status()).isEqualTo(GrantStatus.RELEASED);
        assertThat(released.isInForce()).isFalse();
    }

    @Test
    void a_snapshot_keeps_its_invariants() {
        assertThatThrownBy(() -> new Grant(
                        "g",
                        GrantType.PLEDGE,
                        java.util.Set.of("o"),
                        "b",
                        licence.scope(),
                        false,
                        GrantStatus.TERMINATED,
                        false,
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Grant(
                        "g",
                        GrantType.ASSIGNMENT,
                        java.util.Set.of("o"),
                        "b",
                        licence.scope(),
                        false,
                        GrantStatus.RELEASED,
                        false,
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_a_licence_can_be_proposed_as_a_sublicence() {
        assertThatThrownBy(() -> draft(GrantType.ASSIGNMENT).under("g-1").proposal())
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_PARENT_GRANT"));
        assertThatThrownBy(() -> draft(GrantType.PLEDGE).to(" ").proposal())
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_GRANTEE"));
    }
}
