package org.techmarket.surveillance.domain;

import java.util.ArrayList;
import java.util.List;

/** Every detector of the market, run over the same facts; findings in the detectors' order. */
public final class Detectors {

    private final List<Detector> detectors;

    public Detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** The five rules of docs/surveillance.md with their documented settings. */
    public static Detectors standard() {
        return new Detectors(List.of(
                new ShillBidding(), new BidRotation(), new WashTrades(), new Concentration(), new PriceOutliers()));
    }

    public List<Finding> detect(MarketFacts facts) {
        List<Finding> all = new ArrayList<>();
        detectors.forEach(d -> all.addAll(d.detect(facts)));
        return all;
    }
}
