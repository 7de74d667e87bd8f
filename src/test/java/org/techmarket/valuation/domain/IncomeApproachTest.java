package org.techmarket.valuation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Relief from royalty, checked to the fen against the worked example of docs/valuation.md. */
class IncomeApproachTest {

    @Test
    void theWorkedExampleAtAGivenRateYearByYear() {
        IncomeApproach.Result income = IncomeApproach.value(
                WorkedExample.SUBJECT, WorkedExample.inputs("0.05", null, null), WorkedExample.DEALS);

        assertThat(income.rateSource()).isEqualTo(IncomeApproach.RateSource.GIVEN);
        assertThat(income.rateDeals()).isEmpty();
        assertThat(income.years())
                .extracting(
                        IncomeApproach.Year::until,
                        y -> y.lifeShare().toPlainString(),
                        IncomeApproach.Year::royaltyFen,
                        y -> y.discountFactor().toPlainString(),
                        IncomeApproach.Year::presentValueFen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2027-06-30"), "1.0000", 5_000_000L, "0.944911", 4_724_555L),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2028-06-30"), "1.0000", 6_000_000L, "0.843671", 5_062_026L),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2029-06-30"), "1.0000", 7_500_000L, "0.753277", 5_649_578L),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2030-06-30"), "1.0000", 7_500_000L, "0.672569", 5_044_268L),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2031-03-01"), "0.6685", 5_013_750L, "0.600508", 3_010_797L));
        assertThat(income.indication().valueFen()).contains(23_491_224L);
    }

    @Test
    void withoutAGivenRateTheMedianOfComparableLicencesIsTaken() {
        IncomeApproach.Result income = IncomeApproach.value(
                WorkedExample.SUBJECT, WorkedExample.inputs(null, null, null), WorkedExample.DEALS);

        assertThat(income.rateSource()).isEqualTo(IncomeApproach.RateSource.COMPARABLE_LICENCES);
        assertThat(income.royaltyRate()).contains(new BigDecimal("0.04"));
        assertThat(income.rateDeals()).containsExactly("deal-c", "deal-d");
        assertThat(income.indication().valueFen()).contains(18_792_979L);
    }

    @Test
    void anOddNumberOfLicencesGivesTheMiddleRate() {
        IncomeApproach.Result income = IncomeApproach.value(
                WorkedExample.SUBJECT,
                WorkedExample.inputs(null, null, null),
                List.of(
                        WorkedExample.NON_EXCLUSIVE,
                        WorkedExample.ROYALTY_ONLY,
                        WorkedExample.deal(
                                "deal-e",
                                org.techmarket.rights.GrantKind.SOLE_LICENCE,
                                0,
                                "2026-01-01",
                                null,
                                null,
                                350)));

        assertThat(income.royaltyRate()).contains(new BigDecimal("0.035"));
    }

    @Test
    void withoutARateThereIsNoIncomeIndication() {
        IncomeApproach.Result income = IncomeApproach.value(
                WorkedExample.SUBJECT,
                WorkedExample.inputs(null, null, null),
                List.of(WorkedExample.ASSIGNMENT, WorkedExample.EXCLUSIVE));

        assertThat(income.rateSource()).isEqualTo(IncomeApproach.RateSource.NONE);
        assertThat(income.years()).isEmpty();
        assertThat(income.indication().valueFen()).isEmpty();
        assertThat(income.indication().reason()).contains("no royalty rate");
    }

    @Test
    void anExpiredPatentSavesNoRoyalty() {
        Subject expired = new Subject("subject", Optional.of(LocalDate.parse("2026-06-30")));

        IncomeApproach.Result income =
                IncomeApproach.value(expired, WorkedExample.inputs("0.05", null, null), List.of());

        assertThat(income.years()).isEmpty();
        assertThat(income.indication().valueFen()).contains(0L);
    }

    @Test
    void withoutAnExpiryEveryForecastYearCountsWhole() {
        Subject knowHow = new Subject("subject", Optional.empty());

        IncomeApproach.Result income =
                IncomeApproach.value(knowHow, WorkedExample.inputs("0.05", null, null), List.of());

        assertThat(income.years())
                .hasSize(5)
                .allSatisfy(y -> assertThat(y.lifeShare()).isEqualByComparingTo("1"));
    }

    @Test
    void aZeroDiscountRateDiscountsNothing() {
        IncomeApproach.Result income = IncomeApproach.value(
                new Subject("s", Optional.empty()),
                ValuationInputs.read(WorkedExample.forecast("0", "1000.00", "2000.00")),
                List.of());

        assertThat(income.years())
                .extracting(IncomeApproach.Year::discountFactor)
                .allSatisfy(f -> assertThat(f).isEqualByComparingTo("1"));
        assertThat(income.indication().valueFen()).contains(15_000L);
    }

    @Test
    void aPartYearCountsInProportionOfItsDays() {
        LocalDate from = LocalDate.parse("2030-06-30");
        LocalDate until = LocalDate.parse("2031-06-30");

        assertThat(IncomeApproach.lifeShare(Optional.of(LocalDate.parse("2031-03-01")), from, until))
                .isEqualByComparingTo("0.6685");
        assertThat(IncomeApproach.lifeShare(Optional.of(until), from, until)).isEqualByComparingTo("1");
        assertThat(IncomeApproach.lifeShare(Optional.of(from), from, until)).isZero();
    }
}
