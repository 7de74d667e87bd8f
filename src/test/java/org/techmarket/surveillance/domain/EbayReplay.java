package org.techmarket.surveillance.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Real eBay bid histories (src/test/resources/surveillance/README.md) replayed as the market's auctions, with
 * synthetic shill bidders injected: the ground truth against which the shill detector's precision and recall are
 * measured. The data name no sellers, so auctions are dealt in turn to {@link #SELLERS} synthetic sellers. A shill
 * model is documented in docs/surveillance.md: one shill for each of {@link #SHILLED_SELLERS} sellers, bidding in most
 * of that seller's auctions early and in small steps, and never winning.
 */
public final class EbayReplay {

    public static final int SELLERS = 11;
    public static final int SHILLED_SELLERS = 4;
    private static final Instant EPOCH = Instant.parse("2002-01-01T00:00:00Z");

    /** The auctions and the (listing, bidder) pairs that are shill bids. */
    public record Replay(List<Auction> auctions, Set<String> shillPairs) {}

    /** What the detector found against the truth. */
    public record Score(int truePositives, int flagged, int injected) {
        public double precision() {
            return flagged == 0 ? 1 : truePositives / (double) flagged;
        }

        public double recall() {
            return injected == 0 ? 1 : truePositives / (double) injected;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private EbayReplay() {}

    /** The real auctions, each given to a synthetic seller, without shills. */
    public static List<Auction> realAuctions() {
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        try (InputStream raw = EbayReplay.class.getResourceAsStream("/surveillance/ebay-bids.csv.gz");
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Auction> auctions = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<String[]>> entry : rows.entrySet()) {
            auctions.add(auction(entry.getKey(), entry.getValue(), index++));
        }
        return auctions;
    }

    private static Auction auction(String id, List<String[]> rows, int index) {
        int days = Integer.parseInt(rows.get(0)[8].split(" ")[0]);
        Instant start = EPOCH.plus(Duration.ofDays(8L * index));
        List<Bid> bids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] f = rows.get(i);
            long amount = new BigDecimal(f[1]).movePointRight(2).longValue();
            Instant at = start.plusMillis((long) (Double.parseDouble(f[2]) * 86_400_000L));
            bids.add(new Bid(id + "-" + i, f[3], amount, at));
        }
        bids.sort(Comparator.comparing(Bid::at));
        Bid top = bids.stream()
                .max(Comparator.comparingLong(Bid::amount).thenComparing(Bid::at, Comparator.reverseOrder()))
                .orElseThrow();
        return new Auction(
                id,
                "seller-" + index % SELLERS,
                rows.get(0)[7],
                start,
                start.plus(Duration.ofDays(days)),
                Optional.empty(),
                Optional.of(top.bidderId()),
                bids);
    }

    /** The real auctions with shills injected by the documented model, from a fixed seed. */
    public static Replay withShills(long seed) {
        return withShills(seed, 0);
    }

    /**
     * As {@link #withShills(long)}, each shill also covering its tracks: in this share of the other sellers' auctions
     * it places one ordinary bid at a random time, below the winning bid. Those bids are not shill bids.
     */
    public static Replay withShills(long seed, double camouflage) {
        Random random = new Random(seed);
        List<Auction> real = realAuctions();
        List<String> sellers = new ArrayList<>();
        for (int s = 0; s < SELLERS; s++) {
            sellers.add("seller-" + s);
        }
        java.util.Collections.shuffle(sellers, random);
        Set<String> shilled = new HashSet<>(sellers.subList(0, SHILLED_SELLERS));
        List<Auction> auctions = new ArrayList<>();
        Set<String> truth = new HashSet<>();
        for (Auction auction : real) {
            if (!shilled.contains(auction.sellerId())) {
                auctions.add(cover(auction, shilled, camouflage, random));
                continue;
            }
            if (random.nextDouble() >= 0.8) {
                auctions.add(auction);
                continue;
            }
            String shill = "shill-of-" + auction.sellerId();
            Auction injected = inject(auction, shill, random);
            if (injected != auction) {
                truth.add(auction.listingId() + "|" + shill);
            }
            auctions.add(injected);
        }
        return new Replay(auctions, truth);
    }

    private static Auction cover(Auction auction, Set<String> shilled, double camouflage, Random random) {
        long winning = auction.bids().stream().mapToLong(Bid::amount).max().orElseThrow();
        long window = Duration.between(auction.startsAt(), auction.endsAt()).toMillis();
        List<Bid> bids = new ArrayList<>(auction.bids());
        for (String seller : shilled.stream().sorted().toList()) {
            if (random.nextDouble() < camouflage) {
                Instant at = auction.startsAt().plusMillis((long) (random.nextDouble() * window));
                long amount = Math.max(1, Math.round(winning * (0.5 + 0.4 * random.nextDouble())));
                bids.add(new Bid(auction.listingId() + "-c-" + seller, "shill-of-" + seller, amount, at));
            }
        }
        if (bids.size() == auction.bids().size()) {
            return auction;
        }
        bids.sort(Comparator.comparing(Bid::at));
        return auction.withBids(bids);
    }

    /**
     * One to three bids in the first 35% of the auction, each 1–5% above the highest bid standing then, and only while
     * that stays below the winning bid: the shill raises the price and never wins.
     */
    private static Auction inject(Auction auction, String shill, Random random) {
        long winning = auction.bids().stream().mapToLong(Bid::amount).max().orElseThrow();
        long window = Duration.between(auction.startsAt(), auction.endsAt()).toMillis();
        List<Bid> bids = new ArrayList<>(auction.bids());
        int count = 1 + random.nextInt(3);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add((long) (random.nextDouble() * 0.35 * window));
        }
        offsets.sort(null);
        boolean any = false;
        for (int i = 0; i < offsets.size(); i++) {
            Instant at = auction.startsAt().plusMillis(offsets.get(i));
            long standing = bids.stream()
                    .filter(b -> b.at().isBefore(at))
                    .mapToLong(Bid::amount)
                    .max()
                    .orElse(100);
            long amount = Math.round(standing * (1.01 + 0.04 * random.nextDouble()));
            if (amount >= winning) {
                break;
            }
            bids.add(new Bid(auction.listingId() + "-s" + i, shill, amount, at));
            any = true;
        }
        if (!any) {
            return auction;
        }
        bids.sort(Comparator.comparing(Bid::at));
        return auction.withBids(bids);
    }

    /** The detector's findings scored against the truth, pair by pair. */
    public static Score score(List<Finding> findings, Set<String> truth) {
        Set<String> flagged = new HashSet<>();
        findings.forEach(f -> flagged.add(f.key()));
        int hits = (int) flagged.stream().filter(truth::contains).count();
        return new Score(hits, flagged.size(), truth.size());
    }
}
