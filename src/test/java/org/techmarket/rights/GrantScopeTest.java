package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantScopeTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void theEndIsTheFirstDayNoLongerCoveredAndTheLastDayTheOneBefore() {
        GrantScope scope =
                GrantScope.toLastDay(List.of("G06N"), List.of("CN"), START, Optional.of(LocalDate.of(2030, 12, 31)));

        assertThat(scope.end()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(scope.lastDay()).contains(LocalDate.of(2030, 12, 31));
        assertThat(GrantScope.unrestricted(START, null).lastDay()).isEmpty();
        assertThat(GrantScope.unrestricted(START, START).lastDay())
                .as("an end that covers no day")
                .isEmpty();
        assertThat(GrantScope.unrestricted(START, START.plusDays(1)).lastDay()).contains(START);
    }

    @Test
    void noFieldsOrTerritoriesInAContractsWordsMeanAllOfThem() {
        GrantScope all = GrantScope.toLastDay(List.of(), List.of(), START, Optional.empty());

        assertThat(all).isEqualTo(GrantScope.unrestricted(START, null));
        assertThat(all.coversAllFields()).isTrue();
        assertThat(all.coversWholeWorld()).isTrue();
        assertThat(all.namedFields()).isEmpty();
        assertThat(all.namedTerritories()).isEmpty();

        GrantScope some = GrantScope.toLastDay(List.of("G06N"), List.of("440000"), START, Optional.empty());
        assertThat(some.coversAllFields()).isFalse();
        assertThat(some.coversWholeWorld()).isFalse();
        assertThat(some.namedFields()).containsExactly("G06N");
        assertThat(some.namedTerritories()).containsExactly("440000");
    }

    @Test
    void aTermOfFiveYearsEndsOnTheFifthAnniversary() {
        assertThat(GrantScope.unrestricted(START, LocalDate.of(2031, 1, 1)).lastsAtLeastYears(5))
                .isTrue();
        assertThat(GrantScope.unrestricted(START, LocalDate.of(2030, 12, 31)).lastsAtLeastYears(5))
                .isFalse();
        assertThat(GrantScope.unrestricted(START, null).lastsAtLeastYears(5)).isTrue();
    }

    @Test
    void startingNoEarlierThanADayMovesThePastStartAndDropsAnEndThatLeavesNothing() {
        GrantScope listed = GrantScope.unrestricted(START, LocalDate.of(2027, 1, 1));

        assertThat(listed.startingNoEarlierThan(START.minusDays(3))).isEqualTo(listed);
        assertThat(listed.startingNoEarlierThan(LocalDate.of(2026, 6, 1)))
                .isEqualTo(GrantScope.unrestricted(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 1)));
        assertThat(listed.startingNoEarlierThan(LocalDate.of(2027, 1, 1)))
                .isEqualTo(GrantScope.unrestricted(LocalDate.of(2027, 1, 1), null));
    }
}
