package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule 3: an asset coming back to its seller is found, more surely among related parties; onward sales are not. */
class WashTradesTest {

    private final WashTrades detector = new WashTrades();

    @Test
    void anAssetSoldOnwardIsNoWashTrade() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "b", "pat-1", 1000, 0)
                .trade("d2", "b", "c", "pat-1", 1100, 30)
                .trade("d3", "c", "d", "pat-1", 1200, 60)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }

    @Test
    void anAssetGoingRoundThreePartiesBackToItsSellerIsFound() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "b", "pat-1", 1000, 0)
                .trade("d2", "b", "c", "pat-1", 1100, 10)
                .trade("d3", "c", "a", "pat-1", 1200, 20)
                .facts();

        assertThat(detector.detect(facts)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.WASH_TRADE);
            assertThat(f.evidence()).containsExactly("deal:d1", "deal:d2", "deal:d3");
            assertThat(f.parties()).containsExactly("a", "b", "c");
            assertThat(f.score()).isEqualTo(WashTrades.ROUND_TRIP);
        });
    }

    @Test
    void aRoundTripAmongRelatedPartiesScoresHigher() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "b", "pat-1", 1000, 0)
                .trade("d2", "b", "a", "pat-1", 1500, 5)
                .related("a", "b")
                .facts();
        assertThat(detector.detect(facts))
                .singleElement()
                .satisfies(f -> assertThat(f.score()).isEqualTo(WashTrades.RELATED));
    }

    @Test
    void aReturnMoreThanAYearLaterIsNotCounted() {
        var facts = new MarketBuilder()
                .trade("d1", "a", "b", "pat-1", 1000, 0)
                .trade("d2", "b", "a", "pat-1", 1000, 400)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }
}
