package org.techmarket.surveillance.domain;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rule 4, concentration: the Herfindahl–Hirschman index of sellers' shares of deal value in each future industry ×
 * province × quarter (the seller's province, the quarter the deal was struck in, UTC), related sellers counted as one
 * group. A segment of at least {@value #MIN_DEALS} deals whose index exceeds {@value #FLAGGED} (on the 0–10,000 scale
 * of the US merger guidelines' "highly concentrated") is a finding, scored index / 10,000; its parties are the groups'
 * members with at least a tenth of the value.
 */
public final class Concentration implements Detector {

    static final int MIN_DEALS = 3;
    static final double FLAGGED = 2500;

    @Override
    public List<Finding> detect(MarketFacts facts) {
        Map<String, List<Trade>> segments = new TreeMap<>();
        for (Trade trade : facts.trades()) {
            if (trade.price() <= 0) {
                continue;
            }
            for (String industry : trade.industries()) {
                segments.computeIfAbsent(
                                industry + "|" + trade.province() + "|" + quarter(trade) + "|" + trade.currency(),
                                k -> new ArrayList<>())
                        .add(trade);
            }
        }
        List<Finding> findings = new ArrayList<>();
        segments.forEach((segment, trades) -> {
            if (trades.size() >= MIN_DEALS) {
                finding(segment, trades, facts.relations()).ifPresent(findings::add);
            }
        });
        return findings;
    }

    /** The index over these shares: the sum of squared percentage shares, 0 to 10,000. */
    public static double hhi(Map<String, Long> values) {
        double total = values.values().stream().mapToLong(Long::longValue).sum();
        return values.values().stream()
                .mapToDouble(v -> Math.pow(100 * v / total, 2))
                .sum();
    }

    static String quarter(Trade trade) {
        ZonedDateTime at = trade.at().atZone(ZoneOffset.UTC);
        return at.getYear() + "Q" + ((at.getMonthValue() - 1) / 3 + 1);
    }

    private static Optional<Finding> finding(String segment, List<Trade> trades, RelationGraph relations) {
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> bySeller = new TreeMap<>();
        for (Trade trade : trades) {
            byGroup.merge(relations.group(trade.sellerId()), trade.price(), Long::sum);
            bySeller.merge(trade.sellerId(), trade.price(), Long::sum);
        }
        double index = hhi(byGroup);
        if (index <= FLAGGED) {
            return Optional.empty();
        }
        long total = byGroup.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> groupValue = new HashMap<>(byGroup);
        List<String> parties = bySeller.keySet().stream()
                .filter(seller -> groupValue.get(relations.group(seller)) * 10 >= total)
                .sorted(Comparator.comparing((String s) -> -groupValue.get(relations.group(s)))
                        .thenComparing(s -> s))
                .toList();
        List<String> evidence = trades.stream()
                .sorted(Comparator.comparing(Trade::dealId))
                .map(t -> "deal:" + t.dealId())
                .distinct()
                .toList();
        String[] parts = segment.split("\\|");
        String rule = String.format(
                Locale.ROOT,
                "HHI %.0f > %.0f over %d deals in industry %s, province %s, %s (%s), %d seller groups",
                index,
                FLAGGED,
                trades.size(),
                parts[0],
                parts[1],
                parts[2],
                parts[3],
                byGroup.size());
        return Optional.of(
                new Finding(AlertKind.CONCENTRATION, segment, Finding.round(index / 10_000), parties, evidence, rule));
    }
}
