package org.techmarket.surveillance.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule 1, shill bidding: a bidder who drives up a seller's price without meaning to buy. Each bidder in each auction
 * gets a behaviour score from the features of the online-auction fraud literature (docs/surveillance.md): tendency
 * towards this seller, share of the auction's bids, successive self-outbidding, early bidding, absence near the end,
 * rarely winning, and bids just below a hidden reserve. A bidder related to the seller scores at least
 * {@value #RELATED_FLOOR}. A score of at least {@link #threshold} is a finding, with the bidder's bids as evidence.
 */
public final class ShillBidding implements Detector {

    /** The score a bidder related to the seller gets whatever the behaviour. */
    static final double RELATED_FLOOR = 0.9;

    /** The default score from which a bidder is reported. */
    public static final double THRESHOLD = 0.6;

    private final double threshold;

    public ShillBidding() {
        this(THRESHOLD);
    }

    public ShillBidding(double threshold) {
        this.threshold = threshold;
    }

    /** One bidder's features in one auction, each in [0, 1], 1 the most suspicious. */
    public record Features(
            double tendency,
            double biddingRatio,
            double successiveOutbidding,
            double earlyBidding,
            double lastBidding,
            double losing,
            double belowReserve,
            boolean related) {

        /** The weighted behaviour, lifted to the related-party floor when the bidder is related to the seller. */
        public double score() {
            double behaviour = 0.30 * tendency
                    + 0.10 * biddingRatio
                    + 0.05 * successiveOutbidding
                    + 0.15 * earlyBidding
                    + 0.15 * lastBidding
                    + 0.25 * losing;
            double withReserve = behaviour + 0.25 * belowReserve * (1 - behaviour);
            return Finding.round(related ? Math.max(RELATED_FLOOR, withReserve) : withReserve);
        }
    }

    @Override
    public List<Finding> detect(MarketFacts facts) {
        History history = new History(facts.auctions());
        List<Finding> findings = new ArrayList<>();
        for (Auction auction : facts.auctions()) {
            for (String bidder : bidders(auction)) {
                if (bidder.equals(auction.sellerId())) {
                    continue;
                }
                Features f = features(auction, bidder, history, facts.relations());
                double score = f.score();
                if (score >= threshold) {
                    findings.add(finding(auction, bidder, f, score));
                }
            }
        }
        return findings;
    }

    /** The features of {@code bidder} in {@code auction}, given every auction's bids. */
    public static Features features(Auction auction, String bidder, History history, RelationGraph relations) {
        List<Bid> bids = auction.bids();
        List<Bid> own = bids.stream().filter(b -> b.bidderId().equals(bidder)).toList();
        int withSeller = history.auctionsWith(bidder, auction.sellerId());
        int all = history.auctionsOf(bidder);
        double tendency = withSeller >= 2 ? withSeller / (double) all : 0;
        double ratio = own.size() / (double) bids.size();
        double early = 1 - auction.elapsed(own.get(0).at());
        double last = 1 - auction.elapsed(own.get(own.size() - 1).at());
        int won = history.wins(bidder);
        double losing = all >= 2 ? 1 - won / (double) all : 0;
        double belowReserve = auction.reserve()
                .map(reserve ->
                        own.stream().anyMatch(b -> b.amount() < reserve && b.amount() >= reserve * 0.9) ? 1.0 : 0)
                .orElse(0.0);
        return new Features(
                tendency,
                ratio,
                successive(bids, bidder),
                early,
                last,
                losing,
                belowReserve,
                relations.related(bidder, auction.sellerId()));
    }

    /** 1 when the bidder outbid itself three times in a row or more, 0.5 for twice, else 0. */
    private static double successive(List<Bid> bids, String bidder) {
        int run = 0;
        int longest = 0;
        for (Bid bid : bids) {
            run = bid.bidderId().equals(bidder) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest >= 3 ? 1 : longest == 2 ? 0.5 : 0;
    }

    private static Set<String> bidders(Auction auction) {
        Set<String> bidders = new LinkedHashSet<>();
        auction.bids().forEach(b -> bidders.add(b.bidderId()));
        return bidders;
    }

    private static Finding finding(Auction auction, String bidder, Features f, double score) {
        List<String> evidence = new ArrayList<>();
        evidence.add("listing:" + auction.listingId());
        auction.bids().stream().filter(b -> b.bidderId().equals(bidder)).forEach(b -> evidence.add("bid:" + b.bidId()));
        String rule = String.format(
                Locale.ROOT,
                "shill score %.3f >= %.2f: related to seller %s, tendency %.2f, bidding ratio %.2f, successive"
                        + " outbidding %.1f, early %.2f, absent at the end %.2f, losing %.2f, below reserve %.0f",
                score,
                f.related() ? RELATED_FLOOR : THRESHOLD,
                f.related(),
                f.tendency(),
                f.biddingRatio(),
                f.successiveOutbidding(),
                f.earlyBidding(),
                f.lastBidding(),
                f.losing(),
                f.belowReserve());
        return new Finding(
                AlertKind.SHILL_BIDDING,
                auction.listingId() + "|" + bidder,
                score,
                List.of(bidder, auction.sellerId()),
                evidence,
                rule);
    }

    /** Every bidder's auctions: how many, how many with each seller, how many won. */
    public static final class History {

        private final Map<String, Set<String>> auctions = new HashMap<>();
        private final Map<String, Map<String, Integer>> withSeller = new HashMap<>();
        private final Map<String, Integer> wins = new HashMap<>();

        public History(List<Auction> all) {
            for (Auction auction : all) {
                Set<String> seen = new HashSet<>();
                for (Bid bid : auction.bids()) {
                    if (seen.add(bid.bidderId())) {
                        auctions.computeIfAbsent(bid.bidderId(), k -> new HashSet<>())
                                .add(auction.listingId());
                        withSeller
                                .computeIfAbsent(bid.bidderId(), k -> new HashMap<>())
                                .merge(auction.sellerId(), 1, Integer::sum);
                    }
                }
                auction.winnerId().ifPresent(w -> wins.merge(w, 1, Integer::sum));
            }
        }

        int auctionsOf(String bidder) {
            return auctions.getOrDefault(bidder, Set.of()).size();
        }

        int auctionsWith(String bidder, String seller) {
            return withSeller.getOrDefault(bidder, Map.of()).getOrDefault(seller, 0);
        }

        int wins(String bidder) {
            return wins.getOrDefault(bidder, 0);
        }
    }
}
