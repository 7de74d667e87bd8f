package org.techmarket.surveillance.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rule 5, prices far from comparable deals: a deal is compared with the other deals of the same future industry,
 * grant kind and currency. With at least {@value #MIN_COMPARABLES} of them, its price's modified z-score on the log
 * scale (Iglewicz and Hoaglin: 0.6745 × deviation from the median / median absolute deviation) beyond
 * {@value #CUTOFF} is a finding, scored |z| / {@value #FULL_SCORE_AT} (at most 1), with the deal and its comparables
 * as evidence.
 */
public final class PriceOutliers implements Detector {

    static final int MIN_COMPARABLES = 5;
    static final double CUTOFF = 3.5;
    static final double FULL_SCORE_AT = 7;
    private static final int MAX_COMPARABLES_SHOWN = 20;

    @Override
    public List<Finding> detect(MarketFacts facts) {
        Map<String, List<Trade>> groups = new TreeMap<>();
        for (Trade trade : facts.trades()) {
            if (trade.price() <= 0) {
                continue;
            }
            for (String industry : trade.industries()) {
                groups.computeIfAbsent(industry + "|" + trade.kind() + "|" + trade.currency(), k -> new ArrayList<>())
                        .add(trade);
            }
        }
        Map<String, Finding> byDeal = new TreeMap<>();
        groups.forEach((group, trades) -> {
            for (Trade trade : trades) {
                outlier(group, trade, trades)
                        .ifPresent(
                                found -> byDeal.merge(trade.dealId(), found, (a, b) -> a.score() >= b.score() ? a : b));
            }
        });
        return List.copyOf(byDeal.values());
    }

    /** The modified z-score of {@code value} among {@code others}, on the log scale; NaN when they do not vary. */
    public static double modifiedZ(long value, long[] others) {
        double[] logs = Arrays.stream(others).mapToDouble(Math::log).sorted().toArray();
        double median = median(logs);
        double[] deviations =
                Arrays.stream(logs).map(l -> Math.abs(l - median)).sorted().toArray();
        double mad = median(deviations);
        double x = Math.log(value);
        if (mad == 0) {
            return x == median ? 0 : Double.POSITIVE_INFINITY * Math.signum(x - median);
        }
        return 0.6745 * (x - median) / mad;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Optional<Finding> outlier(String group, Trade trade, List<Trade> all) {
        List<Trade> comparables = all.stream()
                .filter(t -> !t.dealId().equals(trade.dealId()))
                .sorted(Comparator.comparing(Trade::dealId))
                .toList();
        if (comparables.size() < MIN_COMPARABLES) {
            return Optional.empty();
        }
        double z = modifiedZ(
                trade.price(), comparables.stream().mapToLong(Trade::price).toArray());
        if (!(Math.abs(z) > CUTOFF)) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("deal:" + trade.dealId());
        comparables.stream().limit(MAX_COMPARABLES_SHOWN).forEach(t -> evidence.add("deal:" + t.dealId()));
        String[] parts = group.split("\\|");
        String rule = String.format(
                Locale.ROOT,
                "price %d %s has modified z-score %.2f (beyond ±%.1f) against %d comparable %s deals in industry %s",
                trade.price(),
                parts[2],
                z,
                CUTOFF,
                comparables.size(),
                parts[1],
                parts[0]);
        return Optional.of(new Finding(
                AlertKind.PRICE_OUTLIER,
                trade.dealId(),
                Finding.round(Math.min(1, Math.abs(z) / FULL_SCORE_AT)),
                List.of(trade.sellerId(), trade.buyerId()),
                evidence,
                rule));
    }
}
