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
 * Defaults: 10 measured seconds after 10 of warm-up per phase (the JIT compiles each phase's path meanwhile, and the
 * phase goes on until it has: see {@link #measure}), 8 workers. Each phase prints, as it ends, its measured window's
 * CPU by kind of thread and share of first bids, and what the database did (checkpoints, WAL, tables vacuumed or
 * analyzed, sequential scans); with {@code -Dbench.statements=true} the server loads {@code pg_stat_statements} and
 * each phase also prints its costliest statements. The database's figures of a phase are printed twice: for its
 * warm-up and settling, then for its measured window alone, with blocks, WAL, commits and statements per request and
 * the share of each costly statement's calls a request makes; the window's line also gives the bytes the server's
 * request threads allocated per request. {@code -Dbench.listingFillfactor=N} sets the listing table's fill factor
 * before the listings are written (to compare a build with its migrations' setting and another).
 * {@code -Dbench.rounds=N} measures the write floor, hot bids and spread bids N - 1 more times, side by side, and
 * prints each round's ratios and their median.
 */
public final class BidLoadBenchmark {

    private static final String ADMIN = BenchMarket.ADMIN;
    private static final int LISTINGS = 1000;

    /**
     * The share of a worker's bids that are its first on a listing (a deposit held, the bidder joined): the rest go
     * to a listing it has bid on before. Fixed, so every run measures the same mix: when each bid picked a listing at
     * random, the share in the measured window was what the warm-up had left unjoined, so a run slowed in its warm-up
     * measured more first bids, each dearer, and came out slower still. One in eight is about what the random choice
     * left in a run at 500 bids a second; {@code -Dbench.firstBids=S} sets another share (0 to 1), to tell what a first
     * bid costs from what the others do by two runs' CPU per request.
     */
    private static final double FIRST_BIDS = Double.parseDouble(System.getProperty("bench.firstBids", "0.125"));

    private BidLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        // Long enough on two cores for the JIT to finish compiling each phase's path before it is measured.
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        boolean watchStatements = Boolean.getBoolean("bench.statements");
        Path data = Files.createTempDirectory("bid-benchmark");
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
            LoadDriver.countDatabaseCpu(data);
            try (ConfigurableApplicationContext market = BenchMarket.start(url, workers + 4);
                    DatabaseWatch watch = new DatabaseWatch(url, watchStatements)) {
                Api api = BenchMarket.api(market);
                String fillfactor = System.getProperty("bench.listingFillfactor");
                if (fillfactor != null) {
                    // Sets the listing table's fill factor before any listing is written, so one build can be run
                    // with the migrations' setting and with another.
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                            java.sql.Statement s = c.createStatement()) {
                        s.execute("alter table listing set (fillfactor = " + Integer.parseInt(fillfactor) + ")");
                    }
                    System.out.println("listing fillfactor set to " + fillfactor);
                }
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
                watch.end("preparing the market");
                Window window = new Window();
                LoadDriver.Result baseline = measure(
                        "baseline: one-row update per commit",
                        workers,
                        warmUp,
                        seconds,
                        LoadDriver.oneRowCommits(url, workers),
                        window,
                        watch);
                phase(watch, window, baseline);
                window = new Window();
                WriteFloor.prepare(url);
                LoadDriver.Operation floorRequests = WriteFloor.requests(api, bidders);
                LoadDriver.Result floor = measure(
                        "write floor: authenticated POST, one row",
                        workers,
                        warmUp,
                        seconds,
                        floorRequests,
                        window,
                        watch);
                phase(watch, window, floor);
                window = new Window();
                LoadDriver.Operation hotBids = bids(api, bidders, List.of(hot), window);
                LoadDriver.Result hotRun =
                        measure("bids on one hot listing", workers, warmUp, seconds, hotBids, window, watch);
                phase(watch, window, hotRun);
                window = new Window();
                LoadDriver.Operation spreadBids = bids(api, bidders, spread, window);
                LoadDriver.Result spreadRun = measure(
                        "bids over " + LISTINGS + " listings", workers, warmUp, seconds, spreadBids, window, watch);
                phase(watch, window, spreadRun);
                Rounds rounds = new Rounds(floor, hotRun, spreadRun);
                for (int round = 2; round <= Integer.getInteger("bench.rounds", 1); round++) {
                    rounds.add(
                            LoadDriver.run("write floor, round " + round, workers, 0, seconds, floorRequests),
                            LoadDriver.run("hot bids, round " + round, workers, 0, seconds, hotBids),
                            LoadDriver.run("spread bids, round " + round, workers, 0, seconds, spreadBids));
                }
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
                rounds.print();
            }
        }
    }

    /**
     * Each worker bids at the minimum it last learnt for the listing: on one of {@code listings} it has not bid on yet
     * with the chance {@link #FIRST_BIDS}, else on one it has bid on, at random; a 201 counts, a refusal (a race lost
     * to another bid) does not.
     */
    private static LoadDriver.Operation bids(Api api, List<String> tokens, List<String> listings, Window window) {
        AtomicLongArray minimum = new AtomicLongArray(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            minimum.set(i, 100);
        }
        // Each worker's listings in an order of its own, those before joined[worker] bid on already: only that worker
        // reads or writes its row and its count.
        int[][] order = new int[tokens.size()][];
        for (int w = 0; w < order.length; w++) {
            List<Integer> shuffled = new ArrayList<>(
                    java.util.stream.IntStream.range(0, listings.size()).boxed().toList());
            java.util.Collections.shuffle(shuffled);
            order[w] = shuffled.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] joined = new int[tokens.size()];
        return (worker, iteration) -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean first =
                    joined[worker] == 0 || (joined[worker] < listings.size() && random.nextDouble() < FIRST_BIDS);
            int index = first ? order[worker][joined[worker]++] : order[worker][random.nextInt(joined[worker])];
            window.bid(first);
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

    /** How long each settling round after the warm-up lasts, and how many there are at most. */
    private static final double SETTLING_SECONDS = 5;

    private static final int SETTLING_ROUNDS = 12;

    /** The share of this JVM's CPU in a settling round that the JIT's compilers may take for the path to count as compiled. */
    private static final double SETTLED_JIT_SHARE = 0.05;

    /**
     * A phase: {@code warmUp} seconds of load, then rounds of {@value #SETTLING_SECONDS} s until the JIT's compilers take
     * at most {@value #SETTLED_JIT_SHARE} of the CPU in one (at most {@value #SETTLING_ROUNDS} rounds), then
     * {@code seconds} measured. On a loaded machine a fixed warm-up left the compilers busy for a third of the JVM's CPU
     * in the measured window, more or less from run to run.
     */
    private static LoadDriver.Result measure(
            String name,
            int workers,
            double warmUp,
            double seconds,
            LoadDriver.Operation operation,
            Window window,
            DatabaseWatch watch)
            throws InterruptedException, java.sql.SQLException {
        LoadDriver.run(name + " (warm-up)", workers, 0, warmUp, operation);
        int rounds = 0;
        while (rounds < SETTLING_ROUNDS) {
            Map<String, Long> before = CpuSplit.now();
            LoadDriver.Result round = LoadDriver.run(name + " (settling)", workers, 0, SETTLING_SECONDS, operation);
            rounds++;
            long jitMillis = CpuSplit.difference(before, CpuSplit.now()).getOrDefault("jit", 0L);
            if (jitMillis * 1000 <= round.jvmCpuMicros() * SETTLED_JIT_SHARE) {
                break;
            }
        }
        System.out.printf("%n%s: %d settling rounds after the warm-up", name, rounds);
        // What the database did while the path warmed up is printed apart, so the phase's figures are its window's.
        watch.end(name + " (warm-up and settling)");
        window.start();
        return LoadDriver.run(name, workers, 0, seconds, operation);
    }

    /** Prints the phase's figures as it ends, with the time, and what the database did meanwhile. */
    private static void phase(DatabaseWatch watch, Window window, LoadDriver.Result run) throws java.sql.SQLException {
        System.out.printf("%n%s ended at %s%n%s%n%s", run.name(), Instant.now(), run, window.end(run));
        watch.end(run.name() + " (measured window)", run.succeeded() + run.failed());
    }

    /**
     * A phase's measured window as the load driver times it (from the end of its warm-up to its end): this JVM's CPU by
     * kind of thread in it, and how many of its bids were their bidder's first on the listing (each a deposit held and
     * a bidder joined, the dearest bid there is), a share that depends on how many bids the warm-up took.
     */
    private static final class Window {
        private volatile long from = Long.MAX_VALUE;
        private final java.util.concurrent.atomic.AtomicLong first = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong all = new java.util.concurrent.atomic.AtomicLong();
        private Map<String, Long> cpuFrom = Map.of();
        private long allocatedFrom;

        /** The measured window begins now. */
        void start() {
            cpuFrom = CpuSplit.now();
            allocatedFrom = serverAllocatedBytes();
            from = System.nanoTime();
        }

        /**
         * The bytes the server's request threads have allocated so far: they live from the server's start, so the
         * difference over a window is what its requests allocated.
         */
        private static long serverAllocatedBytes() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith("http-nio")) {
                    sum += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
                }
            }
            return sum;
        }

        void bid(boolean firstOnListing) {
            if (System.nanoTime() >= from) {
                all.incrementAndGet();
                if (firstOnListing) {
                    first.incrementAndGet();
                }
            }
        }

        String end(LoadDriver.Result run) {
            String mix = all.get() == 0
                    ? ""
                    : String.format(
                            "first bids %d of %d (%.1f %%); ", first.get(), all.get(), 100.0 * first.get() / all.get());
            Map<String, Long> split = CpuSplit.difference(cpuFrom, CpuSplit.now());
            // The load's own threads have ended by now, and their CPU with them: what the process counted besides.
            long counted = split.values().stream().mapToLong(Long::longValue).sum();
            long requests = Math.max(1, run.succeeded() + run.failed());
            return "  measured window: " + mix + "JVM CPU " + split + " ended threads (the clients) "
                    + (run.jvmCpuMicros() / 1000 - counted) + " ms; server threads allocated "
                    + (serverAllocatedBytes() - allocatedFrom) / requests / 1024 + " KiB a request";
        }
    }

    /**
     * The ratios of each round: the phases above, then with {@code -Dbench.rounds=N} N - 1 more rounds of the write
     * floor, hot bids and spread bids, {@code seconds} each, one after the other on the warmed market. A ratio of one
     * round compares phases minutes apart, and on the 2-core machine the same build's write floor has measured from
     * 895 to 1,364 requests a second on one day; the rounds' median compares phases measured side by side, again and
     * again.
     */
    private static final class Rounds {
        private final List<double[]> ratios = new ArrayList<>();

        Rounds(LoadDriver.Result floor, LoadDriver.Result hot, LoadDriver.Result spread) {
            add(floor, hot, spread);
        }

        void add(LoadDriver.Result floor, LoadDriver.Result hot, LoadDriver.Result spread) {
            ratios.add(new double[] {
                floor.perSecond(), hot.perSecond() / floor.perSecond(), spread.perSecond() / floor.perSecond()
            });
        }

        void print() {
            if (ratios.size() < 2) {
                return;
            }
            System.out.printf("%nround   floor/s   hot / floor   spread / floor%n");
            for (int i = 0; i < ratios.size(); i++) {
                double[] r = ratios.get(i);
                System.out.printf("%5d %9.1f %13.3f %16.3f%n", i + 1, r[0], r[1], r[2]);
            }
            System.out.printf(
                    "median of %d rounds: hot / floor = %.3f (aim 0.3), spread / floor = %.3f (aim 0.5)%n",
                    ratios.size(), median(1), median(2));
        }

        private double median(int column) {
            double[] values =
                    ratios.stream().mapToDouble(r -> r[column]).sorted().toArray();
            return values.length % 2 == 1
                    ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }
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
