package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule 5: a price far from its comparables is found; ordinary spread and too few comparables are not. */
class PriceOutliersTest {

    private final PriceOutliers detector = new PriceOutliers();

    private static MarketBuilder ordinary() {
        MarketBuilder market = new MarketBuilder();
        long[] prices = {90_000, 100_000, 110_000, 95_000, 105_000, 120_000};
        for (int i = 0; i < prices.length; i++) {
            market.trade("d" + i, "s" + i, "b" + i, "p" + i, prices[i], i);
        }
        return market;
    }

    @Test
    void ordinarySpreadIsNotAnOutlier() {
        assertThat(detector.detect(ordinary().facts())).isEmpty();
    }

    @Test
    void aPriceTenTimesItsComparablesIsFoundWithThemAsEvidence() {
        var facts = ordinary().trade("odd", "s9", "b9", "p9", 1_000_000, 9).facts();

        assertThat(detector.detect(facts)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.PRICE_OUTLIER);
            assertThat(f.key()).isEqualTo("odd");
            assertThat(f.parties()).containsExactly("s9", "b9");
            assertThat(f.evidence()).hasSize(7).first().isEqualTo("deal:odd");
            assertThat(f.score()).isEqualTo(1.0);
        });
    }

    @Test
    void aDifferentGrantKindIsNotComparable() {
        var facts = ordinary()
                .trade("lic", "s9", "b9", "p9", "AI", "110000", "NON_EXCLUSIVE_LICENCE", 1_000_000, 9)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }

    @Test
    void tooFewComparablesSayNothing() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "b", "p1", 100, 0)
                .trade("d2", "a", "b", "p2", 100, 0)
                .trade("odd", "a", "b", "p3", 1_000_000, 0)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }
}
