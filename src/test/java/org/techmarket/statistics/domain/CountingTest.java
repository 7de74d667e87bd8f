package org.techmarket.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingTest {

    @Test
    void aMonthIsTheUtcCalendarMonth() {
        assertThat(Counting.monthOf(Instant.parse("2026-03-31T23:59:59.999999Z")))
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(Counting.monthOf(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aProvinceIsTheFirstTwoDigitsOfARegionCode() {
        assertThat(Counting.provinceOf("440305")).isEqualTo("440000");
        assertThat(Counting.provinceOf("110000")).isEqualTo("110000");
        assertThat(Counting.provinceOf("4403")).isEqualTo("UNKNOWN");
        assertThat(Counting.provinceOf(null)).isEqualTo("UNKNOWN");
    }

    @Test
    void anIndustryIsTheFirstTagOrOther() {
        assertThat(Counting.industryOf(List.of("NEW_ENERGY", "ADVANCED_MATERIALS")))
                .isEqualTo("NEW_ENERGY");
        assertThat(Counting.industryOf(List.of())).isEqualTo("OTHER");
    }
}
