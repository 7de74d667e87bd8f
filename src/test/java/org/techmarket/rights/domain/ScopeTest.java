package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.rights.domain.Fixtures.REGIONS;
import static org.techmarket.rights.domain.Fixtures.scope;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Rejection;

class ScopeTest {

    private final GrantScope aiInGuangdong = scope("G06N", "440000", "2027-01-01", "2030-01-01");

    @Test
    void overlaps_only_when_fields_territories_and_terms_all_meet() {
        assertThat(Scopes.overlaps(aiInGuangdong, scope("G06N 3/08", "440300", "2029-01-01", "2031-01-01")))
                .isTrue();
        assertThat(Scopes.overlaps(aiInGuangdong, scope("G06F", "440300", "2029-01-01", "2031-01-01")))
                .isFalse();
        assertThat(Scopes.overlaps(aiInGuangdong, scope("G06N 3/08", "110000", "2029-01-01", "2031-01-01")))
                .isFalse();
        assertThat(Scopes.overlaps(aiInGuangdong, scope("G06N 3/08", "440300", "2030-01-01", "2031-01-01")))
                .isFalse();
    }

    @Test
    void one_meeting_pair_of_fields_and_of_territories_is_enough() {
        GrantScope several = scope("H04L, G06N 3/00", "US, CN", "2028-01-01", "2029-01-01");
        assertThat(Scopes.overlaps(aiInGuangdong, several)).isTrue();
        assertThat(Scopes.overlaps(several, aiInGuangdong)).isTrue();
    }

    @Test
    void contains_what_lies_inside_every_dimension() {
        GrantScope world = scope("G06N, H04L", "WORLD", "2027-01-01", "2037-01-01");
        assertThat(Scopes.contains(world, world)).isTrue();
        assertThat(Scopes.contains(world, scope("G06N 3/08, H04L 9/32", "CN, 440300, US", "2028-01-01", "2030-01-01")))
                .isTrue();
        assertThat(Scopes.contains(world, scope("G06N 3/08, G06F", "CN", "2028-01-01", "2030-01-01")))
                .isFalse();
        assertThat(Scopes.contains(world, scope("G06N", "CN", "2028-01-01", "2038-01-01")))
                .isFalse();
        assertThat(Scopes.contains(aiInGuangdong, scope("G06N", "440000, 110000", "2027-01-01", "2030-01-01")))
                .isFalse();
    }

    @Test
    void parses_user_input_and_rejects_an_empty_dimension() {
        GrantScope parsed = Scopes.parse(
                List.of("g06n3/08"), List.of("cn"), LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), REGIONS);
        assertThat(parsed.fields()).containsExactly("G06N 3/08");
        assertThat(parsed.territories()).containsExactly("CN");

        assertThatThrownBy(() -> Scopes.parse(
                        List.of(), List.of("CN"), LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), REGIONS))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_SCOPE"));
        assertThatThrownBy(() -> Scopes.of(Set.of(FieldOfUse.ALL), Set.of(), Scopes.term(aiInGuangdong)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_SCOPE"));
        assertThatThrownBy(() -> Scopes.parse(List.of("G06N"), List.of("CN"), LocalDate.of(2027, 1, 1), null, REGIONS))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_TERM"));
    }
}
