package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rule 2: a pair taking turns at a segment's awards without meeting is found; real rivals are not. */
class BidRotationTest {

    private final BidRotation detector = new BidRotation();

    @Test
    void twoBiddersTakingTurnsWithoutBiddingAgainstEachOtherAreFound() {
        MarketBuilder market = new MarketBuilder();
        for (int i = 0; i < 6; i++) {
            String winner = i % 2 == 0 ? "ring-a" : "ring-b";
            market.auction("r" + i, "seller" + i, "ROBOTS", i, winner, "outsider" + i, 100, 5, winner, 110, 20);
        }

        var found = detector.detect(market.related("ring-a", "ring-b").facts());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.BID_ROTATION);
            assertThat(f.parties()).containsExactly("ring-a", "ring-b");
            assertThat(f.evidence()).hasSize(6).first().isEqualTo("listing:r0");
            assertThat(f.score()).isEqualTo(1.0);
            assertThat(f.key()).isEqualTo("ROBOTS|ring-a|ring-b");
        });
    }

    @Test
    void rivalsWhoBidAgainstEachOtherEveryTimeAreNotARing() {
        MarketBuilder market = new MarketBuilder();
        for (int i = 0; i < 6; i++) {
            String winner = i % 2 == 0 ? "ann" : "ben";
            String loser = i % 2 == 0 ? "ben" : "ann";
            market.auction("c" + i, "seller" + i, "ROBOTS", i, winner, loser, 100, 5, winner, 110, 20);
        }
        assertThat(detector.detect(market.facts())).isEmpty();
    }

    @Test
    void oneBidderWinningInARowIsNotARotation() {
        MarketBuilder market = new MarketBuilder();
        for (int i = 0; i < 6; i++) {
            String winner = i < 3 ? "ann" : "ben";
            market.auction("s" + i, "seller" + i, "ROBOTS", i, winner, winner, 110, 20);
        }
        assertThat(detector.detect(market.facts())).isEmpty();
    }

    @Test
    void turnsAcrossDifferentSegmentsDoNotAddUp() {
        MarketBuilder market = new MarketBuilder();
        for (int i = 0; i < 6; i++) {
            String winner = i % 2 == 0 ? "ring-a" : "ring-b";
            market.auction("t" + i, "seller", "SEG" + i % 3, i, winner, winner, 110, 20);
        }
        assertThat(detector.detect(market.facts())).isEmpty();
    }
}
