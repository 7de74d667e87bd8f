package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rule 1: related bidders and bidders who behave as shills are found; honest competition is not. */
class ShillBiddingTest {

    private final ShillBidding detector = new ShillBidding();

    /** Two honest bidders who each win sometimes, bidding late in auctions of different sellers. */
    private static MarketBuilder honest() {
        return new MarketBuilder()
                .auction("h1", "s1", "AI", 0, "alice", "bob", 100, 20, "alice", 120, 22)
                .auction("h2", "s2", "AI", 1, "bob", "alice", 100, 18, "bob", 130, 23)
                .auction("h3", "s1", "AI", 2, "alice", "carol", 100, 21, "alice", 110, 23);
    }

    @Test
    void honestCompetitionIsNotShillBidding() {
        assertThat(detector.detect(honest().facts())).isEmpty();
    }

    @Test
    void aBidderRelatedToTheSellerIsFoundWithItsBidsAsEvidence() {
        MarketFacts facts = honest().auction("r1", "s1", "AI", 3, "alice", "cousin", 100, 20, "alice", 150, 22)
                .related("cousin", "s1")
                .facts();

        List<Finding> found = detector.detect(facts);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertKind.SHILL_BIDDING);
            assertThat(f.score()).isGreaterThanOrEqualTo(0.9);
            assertThat(f.parties()).containsExactly("cousin", "s1");
            assertThat(f.evidence()).containsExactly("listing:r1", "bid:r1-b7");
            assertThat(f.key()).isEqualTo("r1|cousin");
            assertThat(f.rule()).contains("related to seller true");
        });
    }

    @Test
    void anUnrelatedBidderWhoOnlyBidsEarlyOnOneSellersAuctionsAndNeverWinsIsFound() {
        MarketBuilder market = honest();
        for (int i = 0; i < 4; i++) {
            market.auction(
                    "x" + i,
                    "s9",
                    "AI",
                    10 + i,
                    "buyer" + i,
                    "pumper",
                    100,
                    1,
                    "pumper",
                    105,
                    1.5,
                    "buyer" + i,
                    200,
                    23);
        }

        List<Finding> found = detector.detect(market.facts());

        assertThat(found).hasSize(4).allSatisfy(f -> {
            assertThat(f.parties()).containsExactly("pumper", "s9");
            assertThat(f.score()).isBetween(ShillBidding.THRESHOLD, 1.0);
        });
        ShillBidding.Features features = ShillBidding.features(
                market.facts().auctions().get(3),
                "pumper",
                new ShillBidding.History(market.facts().auctions()),
                RelationGraph.none());
        assertThat(features.tendency()).isEqualTo(1.0);
        assertThat(features.losing()).isEqualTo(1.0);
        assertThat(features.successiveOutbidding()).isEqualTo(0.5);
        assertThat(features.earlyBidding()).isGreaterThan(0.9);
    }

    @Test
    void aBidJustBelowTheHiddenReserveRaisesTheScore() {
        MarketBuilder market = new MarketBuilder()
                .auction("q1", "s1", "AI", 0, null, Optional.of(1000L), "eve", 950, 12, "dan", 500, 23);
        MarketBuilder without = new MarketBuilder()
                .auction("q1", "s1", "AI", 0, null, Optional.of(1000L), "eve", 800, 12, "dan", 500, 23);
        var auction = market.facts().auctions().get(0);
        double near = ShillBidding.features(
                        auction, "eve", new ShillBidding.History(List.of(auction)), RelationGraph.none())
                .score();
        var other = without.facts().auctions().get(0);
        double far = ShillBidding.features(other, "eve", new ShillBidding.History(List.of(other)), RelationGraph.none())
                .score();
        assertThat(near).isGreaterThan(far);
    }

    @Test
    void theSellerBiddingOnItsOwnListingIsLeftToTheListingRules() {
        MarketFacts facts = new MarketBuilder()
                .auction("o1", "s1", "AI", 0, "bob", "s1", 100, 1, "bob", 120, 23)
                .facts();
        assertThat(detector.detect(facts)).isEmpty();
    }
}
