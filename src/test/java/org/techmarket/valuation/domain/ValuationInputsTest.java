package org.techmarket.valuation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.shared.Rejection;

class ValuationInputsTest {

    @Test
    void readsAmountsInFenAndRatesExactly() {
        ValuationInputs in = WorkedExample.inputs("0.050", "800000.00", "0.35");

        assertThat(in.purpose()).isEqualTo(ValuationPurpose.TRANSFER);
        assertThat(in.revenueForecast())
                .containsExactly(100_000_000L, 120_000_000L, 150_000_000L, 150_000_000L, 150_000_000L);
        assertThat(in.royaltyRate()).contains(new BigDecimal("0.05"));
        assertThat(in.discountRate()).isEqualByComparingTo("0.12");
        assertThat(in.reproductionCost()).contains(80_000_000L);
        assertThat(in.obsolescence()).isEqualByComparingTo("0.35");
    }

    @Test
    void withoutACostThereIsNoObsolescenceAndTheRoyaltyRateMayBeLeftToTheMarket() {
        ValuationInputs in = WorkedExample.inputs(null, null, null);

        assertThat(in.royaltyRate()).isEmpty();
        assertThat(in.reproductionCost()).isEmpty();
        assertThat(in.obsolescence()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "-0.01, INVALID_DISCOUNT_RATE, inputs.discountRate",
        "1.5, INVALID_DISCOUNT_RATE, inputs.discountRate",
        "eight percent, INVALID_DISCOUNT_RATE, inputs.discountRate",
        "0.0000000000001, INVALID_DISCOUNT_RATE, inputs.discountRate"
    })
    void refusesADiscountRateOutsideZeroToOne(String rate, String code, String field) {
        assertRefused(() -> ValuationInputs.read(WorkedExample.forecast(rate, "100.00")), code, field);
    }

    @Test
    void refusesAMissingDiscountRate() {
        assertRefused(
                () -> ValuationInputs.read(WorkedExample.forecast(null, "100.00")),
                "INVALID_DISCOUNT_RATE",
                "inputs.discountRate");
    }

    @Test
    void refusesAnEmptyOrMissingForecast() {
        assertRefused(
                () -> ValuationInputs.read(WorkedExample.forecast("0.1")),
                "EMPTY_REVENUE_FORECAST",
                "inputs.revenueForecast");
        assertRefused(
                () -> ValuationInputs.read(change(
                        t -> new ValuationInputs.Text(t.purpose(), t.valuationDate(), null, null, "0.1", null, null))),
                "EMPTY_REVENUE_FORECAST",
                "inputs.revenueForecast");
    }

    @ParameterizedTest
    @CsvSource({"-5.00", "1.234", "01.00", "1e6", "10000000000000.00"})
    void refusesAForecastYearThatIsNotYuan(String year) {
        assertRefused(
                () -> ValuationInputs.read(WorkedExample.forecast("0.1", "100.00", year)),
                "INVALID_REVENUE_FORECAST",
                "inputs.revenueForecast[1]");
    }

    @Test
    void refusesAForecastBeyondFiftyYears() {
        String[] years = new String[51];
        java.util.Arrays.fill(years, "1.00");
        assertRefused(
                () -> ValuationInputs.read(WorkedExample.forecast("0.1", years)),
                "INVALID_REVENUE_FORECAST",
                "inputs.revenueForecast");
    }

    @ParameterizedTest
    @CsvSource({"2026-13-01", "30/06/2026", "2026-6-30", "''"})
    void refusesAValuationDateInAnotherFormat(String date) {
        assertRefused(
                () -> ValuationInputs.read(change(t ->
                        new ValuationInputs.Text(t.purpose(), date, t.revenueForecast(), null, "0.1", null, null))),
                "INVALID_VALUATION_DATE",
                "valuationDate");
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "1.01", "half"})
    void refusesObsolescenceOutsideZeroToOne(String obsolescence) {
        assertRefused(
                () -> WorkedExample.inputs(null, "800000.00", obsolescence),
                "INVALID_OBSOLESCENCE",
                "inputs.obsolescence");
    }

    @Test
    void refusesObsolescenceWithoutACostToDeductItFrom() {
        assertRefused(() -> WorkedExample.inputs(null, null, "0.2"), "INVALID_OBSOLESCENCE", "inputs.obsolescence");
    }

    @ParameterizedTest
    @CsvSource({"0", "-0.05", "1.2", "5%"})
    void refusesARoyaltyRateThatIsNotAboveZeroUpToOne(String rate) {
        assertRefused(() -> WorkedExample.inputs(rate, null, null), "ROYALTY_RATE_OUT_OF_RANGE", "inputs.royaltyRate");
    }

    @Test
    void refusesANegativeReproductionCost() {
        assertRefused(
                () -> WorkedExample.inputs(null, "-1.00", null),
                "INVALID_REPRODUCTION_COST",
                "inputs.reproductionCost");
    }

    @Test
    void refusesAnUnknownPurpose() {
        assertRefused(
                () -> ValuationInputs.read(change(t -> new ValuationInputs.Text(
                        "BRAGGING", t.valuationDate(), t.revenueForecast(), null, "0.1", null, null))),
                "UNKNOWN_VALUATION_PURPOSE",
                "purpose");
    }

    private static ValuationInputs.Text change(UnaryOperator<ValuationInputs.Text> change) {
        return change.apply(WorkedExample.text(null, null, null));
    }

    private static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable read, String code, String field) {
        assertThatThrownBy(read).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.errors()).extracting(Rejection.FieldError::field).containsExactly(field);
        });
    }
}
