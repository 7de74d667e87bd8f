package org.techmarket.surveillance.bench;

import java.util.List;
import java.util.Locale;
import org.techmarket.surveillance.domain.Auction;
import org.techmarket.surveillance.domain.Bid;
import org.techmarket.surveillance.domain.EbayReplay;
import org.techmarket.surveillance.domain.Finding;
import org.techmarket.surveillance.domain.MarketFacts;
import org.techmarket.surveillance.domain.RelationGraph;
import org.techmarket.surveillance.domain.ShillBidding;

/**
 * Prints the shill detector's precision, recall and F1 on the eBay bid histories with injected shills, for several
 * seeds and thresholds, against a baseline rule measured in the same run (a bidder who never won and placed all its
 * bids in the first half of the auction), and the time one detection over the whole data set takes.
 * Arguments: {@code [seeds]} (default 20).
 */
public final class ShillEvaluation {

    private ShillEvaluation() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (double camouflage : new double[] {0, 0.2, 0.5}) {
            evaluate(seeds, camouflage);
        }
    }

    private static void evaluate(int seeds, double camouflage) {
        double[] thresholds = {0.5, 0.55, 0.6, 0.65, 0.7};
        System.out.printf(
                Locale.ROOT,
                "%neBay replay: %d auctions, %d real bids, %d seeds; shills cover in %.0f%% of other sellers' auctions%n",
                EbayReplay.realAuctions().size(),
                EbayReplay.realAuctions().stream()
                        .mapToInt(a -> a.bids().size())
                        .sum(),
                seeds,
                camouflage * 100);
        int[][] detector = new int[thresholds.length][3];
        int[] baseline = new int[3];
        long nanos = 0;
        int runs = 0;
        for (long seed = 0; seed < seeds; seed++) {
            EbayReplay.Replay replay = EbayReplay.withShills(2010 + seed, camouflage);
            MarketFacts facts = new MarketFacts(replay.auctions(), List.of(), RelationGraph.none());
            for (int t = 0; t < thresholds.length; t++) {
                long start = System.nanoTime();
                List<Finding> found = new ShillBidding(thresholds[t]).detect(facts);
                nanos += System.nanoTime() - start;
                runs++;
                add(detector[t], EbayReplay.score(found, replay.shillPairs()));
            }
            add(baseline, EbayReplay.score(baseline(facts), replay.shillPairs()));
        }
        EbayReplay.Score base = new EbayReplay.Score(baseline[0], baseline[1], baseline[2]);
        print("baseline (never won, all bids in first half)", base, base);
        for (int t = 0; t < thresholds.length; t++) {
            print(
                    String.format(Locale.ROOT, "shill detector, threshold %.2f", thresholds[t]),
                    new EbayReplay.Score(detector[t][0], detector[t][1], detector[t][2]),
                    base);
        }
        System.out.printf(Locale.ROOT, "one detection over the data set: %.2f ms on average%n", nanos / 1e6 / runs);
    }

    private static void add(int[] sums, EbayReplay.Score score) {
        sums[0] += score.truePositives();
        sums[1] += score.flagged();
        sums[2] += score.injected();
    }

    private static void print(String what, EbayReplay.Score s, EbayReplay.Score base) {
        System.out.printf(
                Locale.ROOT,
                "%-48s precision %.3f  recall %.3f  F1 %.3f  (F1 ratio to baseline %.2f; %d of %d flagged pairs true,"
                        + " %d injected)%n",
                what,
                s.precision(),
                s.recall(),
                s.f1(),
                base.f1() == 0 ? Double.NaN : s.f1() / base.f1(),
                s.truePositives(),
                s.flagged(),
                s.injected());
    }

    private static List<Finding> baseline(MarketFacts facts) {
        java.util.Map<String, Integer> wins = new java.util.HashMap<>();
        facts.auctions().forEach(a -> a.winnerId().ifPresent(w -> wins.merge(w, 1, Integer::sum)));
        java.util.List<Finding> found = new java.util.ArrayList<>();
        for (Auction a : facts.auctions()) {
            java.time.Instant half = a.startsAt()
                    .plus(java.time.Duration.between(a.startsAt(), a.endsAt()).dividedBy(2));
            a.bids().stream().map(Bid::bidderId).distinct().forEach(bidder -> {
                boolean early = a.bids().stream()
                        .filter(b -> b.bidderId().equals(bidder))
                        .allMatch(b -> b.at().isBefore(half));
                if (early && wins.getOrDefault(bidder, 0) == 0) {
                    found.add(new Finding(
                            org.techmarket.surveillance.domain.AlertKind.SHILL_BIDDING,
                            a.listingId() + "|" + bidder,
                            1,
                            List.of(bidder, a.sellerId()),
                            List.of(),
                            "baseline"));
                }
            });
        }
        return found;
    }
}
