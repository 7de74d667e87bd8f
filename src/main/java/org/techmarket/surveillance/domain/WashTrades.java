package org.techmarket.surveillance.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rule 3, wash trades: an asset that comes back to an organization that sold it, within {@link #WINDOW}, through one
 * or more deals (A to B and back, or round A, B, C). A round trip scores {@value #ROUND_TRIP}; one among related
 * parties {@value #RELATED}. The deals of the round trip are the evidence.
 */
public final class WashTrades implements Detector {

    static final Duration WINDOW = Duration.ofDays(365);
    static final double ROUND_TRIP = 0.6;
    static final double RELATED = 0.95;

    @Override
    public List<Finding> detect(MarketFacts facts) {
        Map<String, List<Trade>> byAsset = new TreeMap<>();
        for (Trade trade : facts.trades()) {
            trade.assetIds()
                    .forEach(asset -> byAsset.computeIfAbsent(asset, k -> new ArrayList<>())
                            .add(trade));
        }
        List<Finding> findings = new ArrayList<>();
        byAsset.forEach((asset, trades) -> findings.addAll(roundTrips(asset, trades, facts.relations())));
        return findings;
    }

    private static List<Finding> roundTrips(String asset, List<Trade> trades, RelationGraph relations) {
        List<Trade> ordered = trades.stream()
                .sorted(Comparator.comparing(Trade::at).thenComparing(Trade::dealId))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Trade out = ordered.get(i);
            for (int j = i + 1; j < ordered.size(); j++) {
                Trade back = ordered.get(j);
                if (Duration.between(out.at(), back.at()).compareTo(WINDOW) > 0) {
                    break;
                }
                if (back.buyerId().equals(out.sellerId())) {
                    findings.add(finding(asset, ordered.subList(i, j + 1), relations));
                    break;
                }
            }
        }
        return findings;
    }

    private static Finding finding(String asset, List<Trade> trip, RelationGraph relations) {
        Set<String> parties = new LinkedHashSet<>();
        trip.forEach(t -> {
            parties.add(t.sellerId());
            parties.add(t.buyerId());
        });
        boolean related = relations.anyRelated(parties);
        List<String> evidence = trip.stream().map(t -> "deal:" + t.dealId()).toList();
        String rule = String.format(
                Locale.ROOT,
                "asset %s went from %s back to it in %d deals within %d days; related parties: %s",
                asset,
                trip.get(0).sellerId(),
                trip.size(),
                WINDOW.toDays(),
                related);
        return new Finding(
                AlertKind.WASH_TRADE,
                asset + "|" + trip.get(0).dealId() + "|"
                        + trip.get(trip.size() - 1).dealId(),
                related ? RELATED : ROUND_TRIP,
                List.copyOf(parties),
                evidence,
                rule);
    }
}
