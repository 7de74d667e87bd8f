package org.techmarket.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Auctions, deals and relations for the detector tests, in a few words each. */
final class MarketBuilder {

    static final Instant T0 = Instant.parse("2026-04-01T00:00:00Z");

    private final List<Auction> auctions = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private int serial;

    /**
     * An auction of {@code seller} in {@code segment}, over a day from {@code T0 + day}, won by {@code winner} (null:
     * not awarded); bids given as bidder, amount, hours into the day.
     */
    MarketBuilder auction(String id, String seller, String segment, int day, String winner, Object... bids) {
        return auction(id, seller, segment, day, winner, Optional.empty(), bids);
    }

    MarketBuilder auction(
            String id, String seller, String segment, int day, String winner, Optional<Long> reserve, Object... bids) {
        Instant start = T0.plus(Duration.ofDays(day));
        List<Bid> list = new ArrayList<>();
        for (int i = 0; i < bids.length; i += 3) {
            list.add(new Bid(
                    id + "-b" + (++serial),
                    (String) bids[i],
                    ((Number) bids[i + 1]).longValue(),
                    start.plus(Duration.ofMinutes((long) (((Number) bids[i + 2]).doubleValue() * 60)))));
        }
        auctions.add(new Auction(
                id,
                seller,
                segment,
                start,
                start.plus(Duration.ofDays(1)),
                reserve,
                Optional.ofNullable(winner),
                list));
        return this;
    }

    MarketBuilder trade(String id, String seller, String buyer, String asset, long price, int day) {
        return trade(id, seller, buyer, asset, "AI", "110000", "ASSIGNMENT", price, day);
    }

    MarketBuilder trade(
            String id,
            String seller,
            String buyer,
            String asset,
            String industry,
            String province,
            String kind,
            long price,
            int day) {
        trades.add(new Trade(
                id,
                seller,
                buyer,
                List.of(asset),
                List.of(industry),
                province,
                kind,
                price,
                "CNY",
                T0.plus(Duration.ofDays(day))));
        return this;
    }

    MarketBuilder related(String a, String b) {
        relations.add(new Relation(a, b, RelationKind.SAME_LEGAL_REPRESENTATIVE, "张**"));
        return this;
    }

    MarketFacts facts() {
        return new MarketFacts(auctions, trades, new RelationGraph(relations));
    }
}
