package org.techmarket.valuation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.shared.Rejection;

/** The weights, the reconciled value and the range, checked against the worked example of docs/valuation.md. */
class ReconciliationTest {

    @Test
    void theWorkedExampleWithAGivenRate() {
        Appraisal appraisal = Appraisal.of(
                WorkedExample.SUBJECT, WorkedExample.inputs("0.05", "800000.00", "0.35"), WorkedExample.DEALS);

        Reconciliation.Result r = appraisal.reconciliation();
        assertThat(appraisal.cost().valueFen()).contains(52_000_000L);
        assertThat(r.approaches())
                .extracting(Reconciliation.Weighted::weightBasisPoints)
                .containsExactly(4000, 4000, 2000);
        assertThat(r.valueFen()).isEqualTo(66_476_490L);
        assertThat(r.lowFen()).isEqualTo(23_491_224L);
        assertThat(r.highFen()).isEqualTo(116_700_000L);
    }

    @Test
    void theWorkedExampleWithTheRateOfComparableLicences() {
        Appraisal appraisal = Appraisal.of(
                WorkedExample.SUBJECT, WorkedExample.inputs(null, "800000.00", "0.35"), WorkedExample.DEALS);

        assertThat(appraisal.reconciliation().valueFen()).isEqualTo(64_597_192L);
        assertThat(appraisal.reconciliation().lowFen()).isEqualTo(18_792_979L);
    }

    @Test
    void anApproachWithoutDataWeighsNothingAndSaysWhy() {
        Appraisal appraisal = Appraisal.of(
                WorkedExample.SUBJECT, WorkedExample.inputs("0.05", "800000.00", "0.35"), java.util.List.of());

        Reconciliation.Result r = appraisal.reconciliation();
        assertThat(r.approaches())
                .extracting(Reconciliation.Weighted::weightBasisPoints)
                .containsExactly(0, 6667, 3333);
        assertThat(r.approaches().get(0).why()).startsWith("weight 0: no completed deal");
        assertThat(r.valueFen()).isEqualTo(32_993_199L);
        assertThat(r.lowFen()).isEqualTo(23_491_224L);
        assertThat(r.highFen()).isEqualTo(52_000_000L);
    }

    @Test
    void fewerThanThreeComparablesMakeAThinMarket() {
        Reconciliation.Result r = Reconciliation.of(market(100), 2, income(200), none(Approach.COST));

        assertThat(r.approaches())
                .extracting(Reconciliation.Weighted::weightBasisPoints)
                .containsExactly(3334, 6666, 0);
        assertThat(r.approaches().get(0).why()).contains("thin market");
        assertThat(r.valueFen()).isEqualTo(167);
    }

    @ParameterizedTest
    @CsvSource({
        "true, true, true, 3",
        "true, true, false, 1",
        "true, false, true, 5",
        "false, true, true, 0",
        "true, false, false, 2",
        "false, false, true, 0"
    })
    void theWeightsAlwaysMakeAWhole(boolean market, boolean income, boolean cost, int comparables) {
        Reconciliation.Result r = Reconciliation.of(
                market ? market(1) : none(Approach.MARKET),
                comparables,
                income ? income(1) : none(Approach.INCOME),
                cost ? new Indication(Approach.COST, Optional.of(1L), "") : none(Approach.COST));

        assertThat(r.approaches().stream()
                        .mapToInt(Reconciliation.Weighted::weightBasisPoints)
                        .sum())
                .isEqualTo(10_000);
        assertThat(r.approaches())
                .allSatisfy(w -> assertThat(w.weightBasisPoints() > 0)
                        .isEqualTo(w.indication().valueFen().isPresent()));
    }

    @Test
    void noIndicationAtAllIsRefused() {
        assertThatThrownBy(
                        () -> Reconciliation.of(none(Approach.MARKET), 0, none(Approach.INCOME), none(Approach.COST)))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.UNPROCESSABLE);
                    assertThat(r.code()).isEqualTo("NO_VALUATION_EVIDENCE");
                });
    }

    private static Indication market(long fen) {
        return new Indication(Approach.MARKET, Optional.of(fen), "");
    }

    private static Indication income(long fen) {
        return new Indication(Approach.INCOME, Optional.of(fen), "");
    }

    private static Indication none(Approach approach) {
        return new Indication(approach, Optional.empty(), "none");
    }
}
