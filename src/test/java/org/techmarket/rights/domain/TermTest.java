package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.rights.domain.Fixtures.term;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class TermTest {

    @Test
    void rejects_an_empty_reversed_or_open_ended_term() {
        assertThatThrownBy(() -> term("2027-01-01", "2027-01-01"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_TERM"));
        assertThatThrownBy(() -> term("2028-01-01", "2027-01-01")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> new Term(LocalDate.of(2027, 1, 1), null)).isInstanceOf(Rejection.class);
    }

    @Test
    void half_open_terms_that_only_touch_do_not_overlap() {
        Term first = term("2027-01-01", "2028-01-01");
        assertThat(first.overlaps(term("2028-01-01", "2029-01-01"))).isFalse();
        assertThat(first.overlaps(term("2027-12-31", "2029-01-01"))).isTrue();
        assertThat(first.overlaps(term("2026-01-01", "2027-01-02"))).isTrue();
        assertThat(first.overlaps(term("2025-01-01", "2027-01-01"))).isFalse();
        assertThat(first.overlaps(term("2025-01-01", "2030-01-01"))).isTrue();
    }

    @Test
    void contains_another_term_inside_its_bounds() {
        Term decade = term("2027-01-01", "2037-01-01");
        assertThat(decade.contains(decade)).isTrue();
        assertThat(decade.contains(term("2030-01-01", "2037-01-01"))).isTrue();
        assertThat(decade.contains(term("2030-01-01", "2037-01-02"))).isFalse();
        assertThat(decade.contains(term("2026-12-31", "2030-01-01"))).isFalse();
    }

    @Test
    void a_term_may_start_today_and_end_when_protection_ends() {
        assertThat(term("2026-03-01", "2040-01-01")
                        .checkTiming(LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2040, 1, 1))))
                .isEmpty();
        assertThat(term("2026-03-01", "2099-01-01").checkTiming(LocalDate.of(2026, 3, 1), Optional.empty()))
                .isEmpty();
    }

    @Test
    void a_term_in_the_past_or_beyond_protection_is_a_conflict_with_the_asset() {
        var conflicts = term("2026-02-28", "2040-01-02")
                .checkTiming(LocalDate.of(2026, 3, 1), Optional.of(LocalDate.of(2040, 1, 1)));

        assertThat(conflicts)
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.TERM_IN_PAST, ConflictReason.TERM_BEYOND_PROTECTION);
        assertThat(conflicts).allSatisfy(c -> assertThat(c.grantId()).isEmpty());
    }
}
