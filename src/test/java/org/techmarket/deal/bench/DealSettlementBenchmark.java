package org.techmarket.deal.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.bench.RequestCost;
import org.techmarket.bench.WriteFloor;
import org.techmarket.listing.bench.DatabaseWatch;
import org.techmarket.support.Api;

/**
 * Deals settled per second through the HTTP API — the buyer funds escrow, the seller records delivery, the buyer
 * accepts, and acceptance pays the seller and the venue and has the rights registry record the licence — against the
 * one-row-commit baseline measured in the same run on the same database. Each settlement is three requests, each its
 * own transaction under the deal's row lock with ledger postings, audit events and, at acceptance, a rights check and
 * a grant. The {@link WriteFloor} (an authenticated POST through the same server committing one row update) is
 * measured in the same run too, and each settlement request is set against it. It starts an embedded PostgreSQL with
 * the server's durability settings and the whole market on it (demo off), prepares signed deals (non-exclusive
 * licences sold at a fixed price, so they never conflict, each buyer a worker's own organization), and settles them
 * with {@link LoadDriver}. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.deal.bench.DealSettlementBenchmark [seconds] [workers] [deals] [assets] [warm-up seconds]
 * </pre>
 *
 * Defaults: 5 measured seconds after 1 of warm-up, 4 workers, 600 prepared deals (a run that settles them all
 * says so: then give it more deals; the warm-up settles at most a quarter of them), 1 asset. With one asset every deal licenses the same patent, so every acceptance
 * waits for the rights registry's lock on it, as on a market where one patent sells to many at once; with more, the
 * deals license the seller's patents in turn, as on a market where deals are on many assets. Besides the rates it
 * prints what a settlement request and a floor request cost in CPU time (server and database) and in bytes allocated,
 * figures that a busy machine moves far less than rates, and what the database did during the settlements (WAL, commits
 * and blocks per request; {@link DatabaseWatch}). With {@code -Dbench.statements=true} the database loads
 * {@code pg_stat_statements} and the settlements' costliest statements are printed too; {@code -Dbench.track=all}
 * counts the statements inside the ledger's and the audit log's functions as well.
 */
public final class DealSettlementBenchmark {

    private record Prepared(String dealId, String sellerToken, String buyerToken) {}

    private DealSettlementBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int assets = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        // Each phase is measured after its warm-up; settlement's paths are many, so a longer one lets the JIT compile
        // them before the measured seconds, as a market that has run a while has them compiled.
        double warmUp = args.length > 4 ? Double.parseDouble(args[4]) : 1;
        boolean watchStatements = Boolean.getBoolean("bench.statements");
        Path data = Files.createTempDirectory("deal-benchmark");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200");
        if (watchStatements) {
            DatabaseWatch.loadStatementsInto(builder);
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext market = BenchMarket.start(url, workers + 6);
                    DatabaseWatch watch = new DatabaseWatch(url, watchStatements)) {
                Api api = BenchMarket.api(market);
                long preparing = System.nanoTime();
                List<ConcurrentLinkedQueue<Prepared>> deals = prepare(api, workers, count, assets);
                System.out.printf(
                        "prepared %d signed deals on %d assets in %.1f s%n",
                        count, assets, (System.nanoTime() - preparing) / 1e9);
                LoadDriver.Result baseline = LoadDriver.run(
                        "baseline: one-row update per commit",
                        workers,
                        warmUp,
                        seconds,
                        LoadDriver.oneRowCommits(url, workers));
                List<String> buyers =
                        deals.stream().map(queue -> queue.peek().buyerToken()).toList();
                WriteFloor.prepare(url);
                AtomicLong floorRequests = new AtomicLong();
                LoadDriver.Operation floorRequest = WriteFloor.requests(api, buyers);
                RequestCost.Mark floorMark = RequestCost.mark("http-nio", data);
                LoadDriver.Result floor = LoadDriver.run(
                        "write floor: authenticated POST, one row", workers, warmUp, seconds, (worker, i) -> {
                            floorRequests.incrementAndGet();
                            return floorRequest.run(worker, i);
                        });
                RequestCost floorCost = floorMark.per(floorRequests.get());
                AtomicLong requests = new AtomicLong();
                watch.begin();
                RequestCost.Mark settledMark = RequestCost.mark("http-nio", data);
                // The warm-up may settle at most a quarter of each worker's deals, so a fast run cannot use them up
                // before its measured window; a worker that has used its share waits for the window instead.
                int warmUpShare = Math.max(1, count / workers / 4);
                int[] warmed = new int[workers];
                long warmUpEnd = System.nanoTime() + (long) (warmUp * 1e9);
                LoadDriver.Result settled = LoadDriver.run(
                        "deals settled (fund, deliver, accept)", workers, warmUp, seconds, (worker, iteration) -> {
                            long now = System.nanoTime();
                            if (now < warmUpEnd && warmed[worker]++ >= warmUpShare) {
                                Thread.sleep((warmUpEnd - now) / 1_000_000 + 1);
                                return false;
                            }
                            Prepared deal = deals.get(worker).poll();
                            if (deal == null) {
                                // This worker's deals are all settled: it waits out the window rather than spinning.
                                Thread.sleep(10);
                                return false;
                            }
                            return settle(api, deal, requests);
                        });
                RequestCost settledCost = settledMark.per(requests.get());
                watch.end("deals settled (warm-up and measured window)", requests.get());
                long left =
                        deals.stream().mapToLong(ConcurrentLinkedQueue::size).sum();
                System.out.printf(
                        "%nDeals settled per second through HTTP vs. durable one-row commits over JDBC"
                                + " (%d cores, %d workers, %.0f s each after %.0f s warm-up)%n",
                        Runtime.getRuntime().availableProcessors(), workers, seconds, warmUp);
                System.out.println(baseline);
                System.out.println(floor);
                System.out.println(settled);
                System.out.printf(
                        "deals on %d asset(s); per floor request: %s; per settlement request (%d sent): %s%n",
                        assets, floorCost, requests.get(), settledCost);
                System.out.printf(
                        "CPU ratio floor request / settlement request = %.4f%n",
                        floorCost.totalMillis() / settledCost.totalMillis());
                System.out.printf(
                        "ratio requests (3 per deal) / write floor = %.4f   (aim 0.3)%n",
                        3 * settled.perSecond() / floor.perSecond());
                System.out.printf(
                        "ratio settled deals / baseline commits = %.4f%n", settled.perSecond() / baseline.perSecond());
                System.out.printf(
                        "ratio requests (3 per deal) / baseline commits = %.4f%n",
                        3 * settled.perSecond() / baseline.perSecond());
                if (left == 0) {
                    System.out.println("every prepared deal was settled before the end: the rate is a lower bound");
                }
            }
        }
    }

    private static boolean settle(Api api, Prepared deal, AtomicLong requests) {
        String path = "/api/v1/deals/" + deal.dealId();
        requests.incrementAndGet();
        return api.post(
                                        path + "/funding",
                                        deal.buyerToken(),
                                        Map.of(),
                                        UUID.randomUUID().toString())
                                .status()
                        == 200
                && requests.incrementAndGet() > 0
                && api.post(
                                        path + "/delivery",
                                        deal.sellerToken(),
                                        Map.of(
                                                "documents",
                                                List.of(Map.of(
                                                        "sha256", "ab".repeat(32), "description", "Licence deed"))))
                                .status()
                        == 200
                && requests.incrementAndGet() > 0
                && api.post(path + "/acceptance", deal.buyerToken(), Map.of()).status() == 200;
    }

    /**
     * {@code count} signed deals, dealt round-robin to the workers, each bought by its worker's organization, the
     * {@code i}-th licensing the seller's patent {@code i % assets}.
     */
    private static List<ConcurrentLinkedQueue<Prepared>> prepare(Api api, int workers, int count, int assets)
            throws Exception {
        String seller = BenchMarket.verifiedOrganization(api);
        List<String> patents = new ArrayList<>();
        for (int a = 0; a < assets; a++) {
            patents.add(BenchMarket.patent(api, seller));
        }
        List<String> buyers = new ArrayList<>();
        List<ConcurrentLinkedQueue<Prepared>> queues = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            buyers.add(BenchMarket.fundedOrganization(api, "100000000.00"));
            queues.add(new ConcurrentLinkedQueue<>());
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int worker = i % workers;
                String asset = patents.get(i % assets);
                done.add(pool.submit(() -> {
                    String buyer = buyers.get(worker);
                    String listing = BenchMarket.fixedPriceLicence(api, seller, asset);
                    BenchMarket.expect(api.post("/api/v1/listings/" + listing + "/purchase", buyer, Map.of()), 201);
                    String deal = BenchMarket.awaitDeal(api, buyer, listing);
                    BenchMarket.expect(api.post("/api/v1/deals/" + deal + "/signatures", seller, Map.of()), 201);
                    BenchMarket.expect(api.post("/api/v1/deals/" + deal + "/signatures", buyer, Map.of()), 201);
                    queues.get(worker).add(new Prepared(deal, seller, buyer));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return queues;
    }
}
