package org.techmarket.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class RoyaltyTest {

    private static final Money TEN_THOUSAND = new Money(1_000_000, "CNY");

    @Test
    void aLumpSumIsDueInFullWhateverTheTerm() {
        Royalty lump = new Royalty.LumpSum(TEN_THOUSAND);
        assertThat(lump.amountDue(new Term(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))))
                .isEqualTo(TEN_THOUSAND);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-01, 2026-01-02, 1",
        "2026-01-01, 2027-01-01, 1",
        "2026-01-01, 2027-01-02, 2",
        "2026-01-01, 2029-07-01, 4",
        "2028-02-29, 2029-03-01, 2"
    })
    void aRevenueShareOwesTheMinimumForEveryLicenceYearTheTermStarts(String start, String end, long years) {
        Royalty share = new Royalty.PercentOfRevenue(350, TEN_THOUSAND);
        assertThat(share.amountDue(new Term(LocalDate.parse(start), LocalDate.parse(end))))
                .isEqualTo(TEN_THOUSAND.times(years));
    }

    @ParameterizedTest
    @CsvSource({"3.5, 350, 3.50", "100, 10000, 100.00", "0.01, 1, 0.01"})
    void percentsAreReadAsBasisPoints(String percent, int basisPoints, String written) {
        assertThat(Royalty.PercentOfRevenue.basisPoints(percent, "royalty.percent"))
                .isEqualTo(basisPoints);
        assertThat(new Royalty.PercentOfRevenue(basisPoints, TEN_THOUSAND).percent())
                .isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "100.01", "150", "3.555", "-1", "abc", ""})
    void percentsOutsideZeroToOneHundredAreRefused(String percent) {
        assertThatThrownBy(() -> Royalty.PercentOfRevenue.basisPoints(percent, "royalty.percent"))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_ROYALTY"));
    }
}
