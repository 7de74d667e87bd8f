package org.techmarket.surveillance.domain;

import java.util.List;

/** What the detectors read: auctions with their bids, deals, and the relations between organizations. */
public record MarketFacts(List<Auction> auctions, List<Trade> trades, RelationGraph relations) {

    public MarketFacts {
        auctions = List.copyOf(auctions);
        trades = List.copyOf(trades);
    }
}
