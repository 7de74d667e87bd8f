package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule 4: a segment dominated by one seller group is found; a spread one, or one with too few deals, is not. */
class ConcentrationTest {

    private final Concentration detector = new Concentration();

    @Test
    void theIndexIsTheSumOfSquaredPercentageShares() {
        assertThat(Concentration.hhi(Map.of("a", 50L, "b", 50L))).isCloseTo(5000, within(1e-9));
        assertThat(Concentration.hhi(Map.of("a", 1L))).isCloseTo(10_000, within(1e-9));
        assertThat(Concentration.hhi(Map.of("a", 25L, "b", 25L, "c", 25L, "d", 25L)))
                .isCloseTo(2500, within(1e-9));
    }

    @Test
    void fourEqualSellersSitExactlyAtTheLineAndAreNotFlagged() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "x", "p1", 100, 0)
                .trade("d2", "b", "x", "p2", 100, 1)
                .trade("d3", "c", "x", "p3", 100, 2)
                .trade("d4", "d", "x", "p4", 100, 3)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }

    @Test
    void relatedSellersCountAsOneGroupAndTipTheSegmentOverTheLine() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "x", "p1", 100, 0)
                .trade("d2", "b", "x", "p2", 100, 1)
                .trade("d3", "c", "x", "p3", 100, 2)
                .trade("d4", "d", "x", "p4", 100, 3)
                .related("a", "b")
                .facts();

        assertThat(detector.detect(facts)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.CONCENTRATION);
            assertThat(f.key()).isEqualTo("AI|110000|2026Q2|CNY");
            assertThat(f.score()).isEqualTo(0.375);
            assertThat(f.parties()).containsExactly("a", "b", "c", "d");
            assertThat(f.evidence()).containsExactly("deal:d1", "deal:d2", "deal:d3", "deal:d4");
        });
    }

    @Test
    void quartersAndProvincesAreSeparateMarkets() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "x", "p1", "AI", "110000", "ASSIGNMENT", 100, 0)
                .trade("d2", "a", "x", "p2", "AI", "310000", "ASSIGNMENT", 100, 1)
                .trade("d3", "a", "x", "p3", "AI", "110000", "ASSIGNMENT", 100, 100)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }

    @Test
    void oneSellerTakingNearlyAllTheValueIsFound() {
        var facts = new MarketBuilder()
                .trade("d1", "big", "x", "p1", 9_000, 0)
                .trade("d2", "small", "x", "p2", 500, 1)
                .trade("d3", "tiny", "x", "p3", 500, 2)
                .facts();
        assertThat(detector.detect(facts)).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(0.815);
            assertThat(f.parties()).containsExactly("big");
        });
    }
}
