package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.rights.domain.Fixtures.REGIONS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class TerritoryTest {

    @ParameterizedTest
    @CsvSource({"WORLD,WORLD", "world,WORLD", "cn,CN", " US ,US", "DE,DE", "440000,440000", "440300,440300"})
    void accepts_world_iso_countries_and_known_chinese_regions(String raw, String code) {
        assertThat(Territory.of(raw, REGIONS).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "XX", "USA", "CHN", "44", "440", "440305", "000000", "4403000", "44030A"})
    void rejects_codes_that_are_not_territories(String raw) {
        assertThatThrownBy(() -> Territory.of(raw, REGIONS))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_TERRITORY"));
    }

    @Test
    void checks_chinese_region_codes_against_the_directory() {
        assertThatThrownBy(() -> Territory.of("450000", REGIONS))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_TERRITORY"));
        assertThatThrownBy(() -> Territory.of("440900", REGIONS)).isInstanceOf(Rejection.class);
        // Stored values are read back by shape alone; the directory is for user input.
        assertThat(new Territory("440900").code()).isEqualTo("440900");
    }

    @Test
    void containment_follows_world_country_province_city() {
        String[] chain = {"WORLD", "CN", "440000", "440300"};
        for (int outer = 0; outer < chain.length; outer++) {
            for (int inner = 0; inner < chain.length; inner++) {
                assertThat(new Territory(chain[outer]).contains(new Territory(chain[inner])))
                        .as("%s contains %s", chain[outer], chain[inner])
                        .isEqualTo(outer <= inner);
            }
        }
    }

    @ParameterizedTest(name = "{0} and {1} are disjoint")
    @CsvSource({"CN,US", "US,440000", "440000,110000", "440000,110100", "440300,440100", "CN,HK"})
    void separate_places_do_not_intersect(String a, String b) {
        assertThat(new Territory(a).intersects(new Territory(b))).isFalse();
        assertThat(new Territory(b).intersects(new Territory(a))).isFalse();
    }

    @Test
    void a_city_lies_in_the_province_named_by_its_first_two_digits() {
        assertThat(new Territory("440000").contains(new Territory("440300"))).isTrue();
        assertThat(new Territory("110000").contains(new Territory("110100"))).isTrue();
        assertThat(new Territory("110000").contains(new Territory("440300"))).isFalse();
        assertThat(new Territory("CN").intersects(new Territory("440300"))).isTrue();
    }
}
