package org.techmarket.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shill detector on real eBay bid histories with shills injected (EbayReplay): from behaviour alone, without
 * knowing who is related to whom, it finds most shill bids and accuses few real bidders. Seeded, so the figures are
 * the same on every run; the bench (ShillEvaluation) prints them for several seeds and thresholds.
 */
class ShillEvaluationTest {

    @Test
    void theRealDataHoldAllTheirAuctionsAndBids() {
        var auctions = EbayReplay.realAuctions();
        assertThat(auctions).hasSize(55);
        assertThat(auctions.stream().mapToInt(a -> a.bids().size()).sum()).isEqualTo(942);
        assertThat(auctions).allSatisfy(a -> assertThat(a.endsAt()).isAfter(a.startsAt()));
    }

    @Test
    void withoutShillsFewRealBiddersAreAccused() {
        var facts = new MarketFacts(EbayReplay.realAuctions(), java.util.List.of(), RelationGraph.none());
        long pairs = facts.auctions().stream()
                .mapToLong(a -> a.bids().stream().map(Bid::bidderId).distinct().count())
                .sum();
        assertThat(new ShillBidding().detect(facts).size()).isLessThanOrEqualTo((int) (pairs * 0.02));
    }

    @Test
    void injectedShillsAreFoundWithPrecisionAndRecallAboveTheFloor() {
        EbayReplay.Replay replay = EbayReplay.withShills(2010);
        var findings = new ShillBidding()
                .detect(new MarketFacts(replay.auctions(), java.util.List.of(), RelationGraph.none()));

        EbayReplay.Score score = EbayReplay.score(findings, replay.shillPairs());

        assertThat(replay.shillPairs()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(score.precision()).as("precision").isGreaterThanOrEqualTo(0.8);
        assertThat(score.recall()).as("recall").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void shillsCoveringTheirTracksInAFifthOfOtherAuctionsAreStillMostlyFound() {
        EbayReplay.Replay replay = EbayReplay.withShills(2010, 0.2);
        var findings = new ShillBidding()
                .detect(new MarketFacts(replay.auctions(), java.util.List.of(), RelationGraph.none()));

        EbayReplay.Score score = EbayReplay.score(findings, replay.shillPairs());

        assertThat(score.precision()).as("precision").isGreaterThanOrEqualTo(0.75);
        assertThat(score.recall()).as("recall").isGreaterThanOrEqualTo(0.6);
    }
}
