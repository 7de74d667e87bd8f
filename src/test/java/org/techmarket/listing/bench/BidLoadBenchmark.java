package org.techmarket.listing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.bench.WriteFloor;
import org.techmarket.support.Api;

/**
 * Accepted bids per second through the HTTP API, on one hot English listing and spread over 1,000 open English
 * listings, with p50/p99 latency, against two floors measured in the same run on the same database: the
 * {@link WriteFloor} (an authenticated POST through the same server that commits one row update) and the ledger
 * benchmark's baseline (one row update per durable commit over plain JDBC). It starts an embedded PostgreSQL in a temporary
 * directory with the server's durability settings (fsync and synchronous_commit on) and the whole market on it
 * (demo off), and drives it with {@link LoadDriver}. Each worker bids for its own verified, funded organization at
 * the minimum it last learnt (from a 201's price or a 409's {@code minimumBid}), so refusals are the races it lost.
 * Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.listing.bench.BidLoadBenchmark [seconds] [workers] [warm-up seconds]
 * </pre>
 *
 * Defaults: 10 measured seconds after 10 of warm-up per phase (the JIT compiles each phase's path meanwhile), 8 workers.
 */
public final class BidLoadBenchmark {

    private static final String ADMIN = BenchMarket.ADMIN;
    private static final int LISTINGS = 1000;

    private BidLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        // Long enough on two cores for the JIT to finish compiling each phase's path before it is measured.
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        Path data = Files.createTempDirectory("bid-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            LoadDriver.countDatabaseCpu(data);
            try (ConfigurableApplicationContext market = BenchMarket.start(url, workers + 4)) {
                Api api = BenchMarket.api(market);
                List<String> bidders = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    bidders.add(BenchMarket.fundedOrganization(api, "1000000000.00"));
                }
                String seller = BenchMarket.verifiedOrganization(api);
                String asset = asset(api, seller);
                String hot = openListing(api, seller, asset);
                List<String> spread = new ArrayList<>();
                for (int i = 0; i < LISTINGS; i++) {
                    spread.add(openListing(api, seller, asset));
                }
                LoadDriver.Result baseline = LoadDriver.run(
                        "baseline: one-row update per commit",
                        workers,
                        warmUp,
                        seconds,
                        LoadDriver.oneRowCommits(url, workers));
                LoadDriver.Result floor = WriteFloor.measure(url, api, bidders, workers, warmUp, seconds);
                LoadDriver.Result hotRun = LoadDriver.run(
                        "bids on one hot listing", workers, warmUp, seconds, bids(api, bidders, List.of(hot)));
                LoadDriver.Result spreadRun = LoadDriver.run(
                        "bids over " + LISTINGS + " listings", workers, warmUp, seconds, bids(api, bidders, spread));
                System.out.printf(
                        "%nAccepted bids per second through HTTP vs. durable one-row commits over JDBC"
                                + " (%d cores, %d workers, %.0f s each after %.0f s warm-up)%n",
                        Runtime.getRuntime().availableProcessors(), workers, seconds, warmUp);
                for (LoadDriver.Result r : List.of(baseline, floor, hotRun, spreadRun)) {
                    System.out.println(r);
                }
                System.out.printf("ratio floor / baseline  = %.3f%n", floor.perSecond() / baseline.perSecond());
                System.out.printf(
                        "ratio hot / floor       = %.3f   (aim 0.3)%n", hotRun.perSecond() / floor.perSecond());
                System.out.printf(
                        "ratio spread / floor    = %.3f   (aim 0.5)%n", spreadRun.perSecond() / floor.perSecond());
                System.out.printf("ratio hot / baseline    = %.3f%n", hotRun.perSecond() / baseline.perSecond());
                System.out.printf("ratio spread / baseline = %.3f%n", spreadRun.perSecond() / baseline.perSecond());
                System.out.printf("ratio hot / spread      = %.3f%n", hotRun.perSecond() / spreadRun.perSecond());
                System.out.printf(
                        "CPU per accepted bid: hot %.0f µs, spread %.0f µs; per floor request %.0f µs%n",
                        perAccepted(hotRun), perAccepted(spreadRun), floor.cpuMicrosPerRequest());
            }
        }
    }

    /**
     * Each worker bids on a random listing of {@code listings} at the minimum it last learnt for it; a 201 counts,
     * a refusal (a race lost to another bid) does not.
     */
    private static LoadDriver.Operation bids(Api api, List<String> tokens, List<String> listings) {
        AtomicLongArray minimum = new AtomicLongArray(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            minimum.set(i, 100);
        }
        return (worker, iteration) -> {
            int index = ThreadLocalRandom.current().nextInt(listings.size());
            long amount = minimum.get(index) + worker;
            Api.Response answer = api.post(
                    "/api/v1/listings/" + listings.get(index) + "/bids",
                    tokens.get(worker),
                    Map.of("amount", money(amount)));
            if (answer.status() == 201) {
                long price = Math.round(
                        answer.json().path("currentPrice").path("amount").asDouble() * 100);
                minimum.accumulateAndGet(index, price + 1, Math::max);
                minimum.accumulateAndGet(index, amount + 1, Math::max);
                return true;
            }
            long told = answer.json().path("minimumBid").asLong(0);
            minimum.accumulateAndGet(index, told, Math::max);
            return false;
        };
    }

    private static double perAccepted(LoadDriver.Result run) {
        return run.succeeded() == 0
                ? 0
                : run.cpuMicrosPerRequest() * (run.succeeded() + run.failed()) / run.succeeded();
    }

    private static String openListing(Api api, String sellerToken, String asset) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", money(100));
        mechanism.put("increment", money(1));
        mechanism.put("deposit", money(100));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(java.time.Duration.ofHours(2)).toString());
        return BenchMarket.publish(api, sellerToken, asset, mechanism, "Benchmark listing");
    }

    private static String asset(Api api, String sellerToken) {
        return BenchMarket.patent(api, sellerToken);
    }

    private static Map<String, String> money(long fen) {
        return BenchMarket.money(fen);
    }
}
