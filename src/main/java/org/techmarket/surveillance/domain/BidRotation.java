package org.techmarket.surveillance.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rule 2, collusion and bid rotation: two bidders who share a segment's awards between them by taking turns. Within a
 * segment (a future industry), a pair of bidders is reported when each won at least {@value #MIN_WINS} of its
 * awarded auctions, together at least {@value #MIN_JOINT_WINS}, they bid against each other in at most a quarter of
 * the auctions either entered, and their wins alternate at least half the time in the order the auctions ended.
 * Relation between the two raises the score.
 */
public final class BidRotation implements Detector {

    static final int MIN_WINS = 2;
    static final int MIN_JOINT_WINS = 4;
    static final double MAX_CO_BIDDING = 0.25;
    static final double MIN_ALTERNATION = 0.5;

    @Override
    public List<Finding> detect(MarketFacts facts) {
        Map<String, List<Auction>> bySegment = facts.auctions().stream()
                .filter(a -> a.winnerId().isPresent())
                .collect(Collectors.groupingBy(Auction::segment, TreeMap::new, Collectors.toList()));
        List<Finding> findings = new ArrayList<>();
        bySegment.forEach((segment, auctions) -> findings.addAll(inSegment(segment, auctions, facts.relations())));
        return findings;
    }

    private static List<Finding> inSegment(String segment, List<Auction> auctions, RelationGraph relations) {
        List<Auction> ordered = auctions.stream()
                .sorted(Comparator.comparing(Auction::endsAt).thenComparing(Auction::listingId))
                .toList();
        Map<String, Long> wins = ordered.stream()
                .collect(Collectors.groupingBy(a -> a.winnerId().orElseThrow(), TreeMap::new, Collectors.counting()));
        List<String> winners = wins.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_WINS)
                .map(Map.Entry::getKey)
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < winners.size(); i++) {
            for (int j = i + 1; j < winners.size(); j++) {
                pair(segment, ordered, winners.get(i), winners.get(j), relations)
                        .ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Optional<Finding> pair(
            String segment, List<Auction> ordered, String x, String y, RelationGraph relations) {
        int either = 0;
        int both = 0;
        List<Auction> theirWins = new ArrayList<>();
        for (Auction auction : ordered) {
            Set<String> bidders = new HashSet<>();
            auction.bids().forEach(b -> bidders.add(b.bidderId()));
            boolean hasX = bidders.contains(x);
            boolean hasY = bidders.contains(y);
            if (hasX || hasY) {
                either++;
            }
            if (hasX && hasY) {
                both++;
            }
            String winner = auction.winnerId().orElseThrow();
            if (winner.equals(x) || winner.equals(y)) {
                theirWins.add(auction);
            }
        }
        if (theirWins.size() < MIN_JOINT_WINS) {
            return Optional.empty();
        }
        double coBidding = either == 0 ? 0 : both / (double) either;
        int switches = 0;
        for (int k = 1; k < theirWins.size(); k++) {
            if (!theirWins.get(k).winnerId().equals(theirWins.get(k - 1).winnerId())) {
                switches++;
            }
        }
        double alternation = switches / (double) (theirWins.size() - 1);
        if (coBidding > MAX_CO_BIDDING || alternation < MIN_ALTERNATION) {
            return Optional.empty();
        }
        double share = theirWins.size() / (double) ordered.size();
        boolean related = relations.related(x, y);
        double score = Finding.round(0.3 * alternation + 0.3 * (1 - coBidding) + 0.2 * share + (related ? 0.2 : 0));
        List<String> evidence =
                theirWins.stream().map(a -> "listing:" + a.listingId()).toList();
        String rule = String.format(
                Locale.ROOT,
                "in segment %s the pair won %d of %d awards, alternating %.2f of the time, bidding against each other"
                        + " in %.2f of the auctions either entered; related: %s",
                segment,
                theirWins.size(),
                ordered.size(),
                alternation,
                coBidding,
                related);
        return Optional.of(
                new Finding(AlertKind.BID_ROTATION, segment + "|" + x + "|" + y, score, List.of(x, y), evidence, rule));
    }
}
