package org.techmarket.valuation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantKind;

/** Comparable deals adjusted for remaining life and exclusivity, checked to the fen against docs/valuation.md. */
class MarketApproachTest {

    @Test
    void theWorkedExampleAdjustsEachComparableAndTakesTheMedian() {
        MarketApproach.Result market =
                MarketApproach.value(WorkedExample.SUBJECT, WorkedExample.VALUATION_DATE, WorkedExample.DEALS);

        assertThat(market.subjectLifeDays()).contains(1705L);
        assertThat(market.comparables())
                .extracting(
                        c -> c.deal().dealId(),
                        MarketApproach.Adjusted::comparableLifeDays,
                        c -> c.lifeFactor().toPlainString(),
                        c -> c.exclusivityFactor().toPlainString(),
                        MarketApproach.Adjusted::adjustedFen)
                .containsExactly(
                        tuple("deal-a", Optional.of(2922L), "0.5835", "1.00", 116_700_000L),
                        tuple("deal-b", Optional.of(1461L), "1.1670", "1.25", 131_287_500L),
                        tuple("deal-c", Optional.of(1826L), "0.9337", "2.50", 35_013_750L));
        assertThat(market.indication().valueFen()).contains(116_700_000L);
        assertThat(market.lowFen()).isEqualTo(35_013_750L);
        assertThat(market.highFen()).isEqualTo(131_287_500L);
    }

    @Test
    void anEvenNumberOfComparablesGivesTheMeanOfTheMiddleTwo() {
        MarketApproach.Result market = MarketApproach.value(
                WorkedExample.SUBJECT,
                WorkedExample.VALUATION_DATE,
                List.of(WorkedExample.ASSIGNMENT, WorkedExample.NON_EXCLUSIVE));

        assertThat(market.indication().valueFen()).contains((116_700_000L + 35_013_750L) / 2);
    }

    @Test
    void aDealWithoutAPriceIsNoPriceEvidence() {
        MarketApproach.Result market = MarketApproach.value(
                WorkedExample.SUBJECT, WorkedExample.VALUATION_DATE, List.of(WorkedExample.ROYALTY_ONLY));

        assertThat(market.comparables()).isEmpty();
        assertThat(market.indication().valueFen()).isEmpty();
        assertThat(market.indication().reason()).startsWith("no completed deal");
    }

    @Test
    void theLifeFactorIsHeldBetweenHalfAndTwice() {
        assertThat(MarketApproach.lifeFactor(Optional.of(100L), Optional.of(1000L)))
                .isEqualByComparingTo("0.5");
        assertThat(MarketApproach.lifeFactor(Optional.of(5000L), Optional.of(1000L)))
                .isEqualByComparingTo("2");
        assertThat(MarketApproach.lifeFactor(Optional.of(1500L), Optional.of(1000L)))
                .isEqualByComparingTo("1.5");
    }

    @Test
    void anUnknownLifeLeavesThePriceUnadjustedAndNoLifeLeftMakesItWorthless() {
        assertThat(MarketApproach.lifeFactor(Optional.empty(), Optional.of(1000L)))
                .isEqualByComparingTo("1");
        assertThat(MarketApproach.lifeFactor(Optional.of(1000L), Optional.empty()))
                .isEqualByComparingTo("1");
        assertThat(MarketApproach.lifeFactor(Optional.of(0L), Optional.of(1000L)))
                .isZero();
    }

    @Test
    void aSoleLicenceIsScaledUpByHalf() {
        ComparableDeal sole =
                WorkedExample.deal("deal-s", GrantKind.SOLE_LICENCE, 10_000_000, "2026-01-01", null, null, null);

        MarketApproach.Result market = MarketApproach.value(
                new Subject("subject", Optional.empty()), LocalDate.parse("2026-06-30"), List.of(sole));

        assertThat(market.indication().valueFen()).contains(15_000_000L);
    }
}
