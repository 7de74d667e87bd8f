package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class FieldOfUseTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "*|*",
                "G|G",
                "g06|G06",
                "G06N|G06N",
                " g06n |G06N",
                "G06N 3/08|G06N 3/08",
                "G06N3/08|G06N 3/08",
                "G06N  3 / 08|G06N 3/08",
                "G06N 03/08|G06N 3/08",
                "G06N 3/080|G06N 3/08",
                "G06N 3/00|G06N 3/00",
                "G06N 3/000|G06N 3/00",
                "H04L 9/3247|H04L 9/3247",
                "A61K 31/4025|A61K 31/4025"
            })
    void normalises_every_spelling_of_an_ipc_prefix(String raw, String normal) {
        assertThat(FieldOfUse.of(raw).code()).isEqualTo(normal);
        assertThat(FieldOfUse.of(raw)).isEqualTo(FieldOfUse.of(normal));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "**",
                "I01",
                "G6",
                "G06NN",
                "G06N 3",
                "G06N /08",
                "G06N 3/8",
                "G06N 0/08",
                "G06N 12345/08",
                "G06N 3/08 (2023.01)",
                "06N"
            })
    void rejects_what_is_not_an_ipc_prefix(String raw) {
        assertThatThrownBy(() -> FieldOfUse.of(raw))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_FIELD_OF_USE"));
    }

    @Test
    void rejects_a_missing_field() {
        assertThatThrownBy(() -> new FieldOfUse(null)).isInstanceOf(Rejection.class);
    }

    @Test
    void containment_follows_the_ipc_hierarchy_down_to_subgroups() {
        String[] chain = {"*", "G", "G06", "G06N", "G06N 3/00", "G06N 3/08", "G06N 3/084"};
        for (int outer = 0; outer < chain.length; outer++) {
            for (int inner = 0; inner < chain.length; inner++) {
                assertThat(FieldOfUse.of(chain[outer]).contains(FieldOfUse.of(chain[inner])))
                        .as("%s contains %s", chain[outer], chain[inner])
                        .isEqualTo(outer <= inner);
            }
        }
    }

    @ParameterizedTest(name = "{0} and {1} are disjoint")
    @CsvSource({
        "G06N,G06F",
        "G06,H04",
        "G,H",
        "G06N 3/00,G06N 30/00",
        "G06N 3/00,G06N 31/08",
        "G06N 3/08,G06N 3/04",
        "G06N 3/08,G06N 3/00",
        "G06N 3/084,G06N 3/08"
    })
    void different_branches_do_not_contain_one_another(String a, String b) {
        assertThat(FieldOfUse.of(a).contains(FieldOfUse.of(b))).isFalse();
    }

    @Test
    void two_fields_intersect_exactly_when_one_contains_the_other() {
        FieldOfUse learning = FieldOfUse.of("G06N 3/08");
        assertThat(FieldOfUse.of("G06").intersects(learning)).isTrue();
        assertThat(learning.intersects(FieldOfUse.of("G06"))).isTrue();
        assertThat(learning.intersects(FieldOfUse.of("G06N 3/04"))).isFalse();
        assertThat(learning.intersects(FieldOfUse.ALL)).isTrue();
        assertThat(FieldOfUse.of("H04L").intersects(learning)).isFalse();
    }
}
