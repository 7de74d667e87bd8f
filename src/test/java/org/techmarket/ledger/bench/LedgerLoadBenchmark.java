package org.techmarket.ledger.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.TechmarketApplication;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.bench.RequestCost;
import org.techmarket.bench.WriteFloor;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.application.CashService;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationType;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/**
 * Committed ledger transfers per second through the ledger's Java API with N concurrent workers, against the
 * simplest durable transaction on the same database in the same run: one row update per commit over plain JDBC.
 * It starts its own embedded PostgreSQL with the server's durability settings (fsync and synchronous_commit on),
 * and the whole market's Spring context on it (its HTTP port unused). Each worker moves 0.01 yuan back and forth
 * between two organizations of its own, so workers share no account; the baseline's workers each update their own
 * row. The four runs of each worker count alternate in several short rounds and each reports its median, so a
 * burst of other load on the machine falls on all four alike. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.ledger.bench.LedgerLoadBenchmark [seconds] [rounds] [workers ...]
 * </pre>
 *
 * Defaults: 3 rounds of 5 measured seconds (each after 2 s of warm-up) for each of 1, 4 and 16 workers. The ledger
 * column is transfers as callers outside a transaction ask for them, committed in groups; the HTTP floor column is
 * the {@link WriteFloor} (an authenticated POST committing one row update); the last column is the same transfers
 * each in a transaction of its own, as every transfer was committed before groups.
 */
public final class LedgerLoadBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private LedgerLoadBenchmark() {}

    /** One measurement: how many commits in how long, and what each cost the workers' threads and the database. */
    record Rate(long commits, Duration measured, RequestCost cost) {
        double perSecond() {
            return commits * 1e9 / measured.toNanos();
        }
    }

    /** One unit of work a worker repeats; each call commits once. */
    @FunctionalInterface
    interface Work {
        void commitOnce(int worker, long iteration) throws Exception;

        /** Called once by each worker when the run ends. */
        default void finish(int worker) throws Exception {}
    }

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int[] workerCounts = args.length > 2
                ? Arrays.stream(args, 2, args.length)
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {1, 4, 16};
        int maxWorkers = Arrays.stream(workerCounts).max().orElseThrow();
        Map<Integer, List<Double>> baseline = new TreeMap<>();
        Map<Integer, List<Double>> ledger = new TreeMap<>();
        Map<Integer, List<Double>> alone = new TreeMap<>();
        double transfersPerCommit = 0;
        Map<Integer, List<Double>> floor = new TreeMap<>();
        Map<String, List<RequestCost>> costs = new TreeMap<>();
        Path data = Files.createTempDirectory("ledger-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "200")
                        .start();
                ConfigurableApplicationContext market =
                        startMarket(postgres.getJdbcUrl("postgres", "postgres"), maxWorkers)) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            prepareBaseline(url, maxWorkers);
            List<String> users = new ArrayList<>();
            List<String[]> pairs = pairs(market, maxWorkers, users);
            Work transfers = transfers(market, pairs, false);
            Work transfersAlone = transfers(market, pairs, true);
            Work floorRequests = floorRequests(market, url, users);
            for (int workers : workerCounts) {
                for (int round = 0; round < rounds; round++) {
                    add(baseline, workers, costs, "baseline", run(workers, measured, baselineWork(url, workers), data));
                    add(ledger, workers, costs, "ledger", run(workers, measured, transfers, data));
                    add(alone, workers, costs, "alone", run(workers, measured, transfersAlone, data));
                    add(floor, workers, run(workers, measured, floorRequests, data));
                }
            }
            transfersPerCommit = transfersPerCommit(url);
        }
        System.out.printf(
                "%nCommitted transactions per second, median of %d rounds of %d s, %d cores%n",
                rounds, measured.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "%8s %12s %12s %7s %12s %7s   %s%n",
                "workers",
                "baseline",
                "ledger",
                "ratio",
                "HTTP floor",
                "ratio",
                "| each transfer its own transaction, ratio");
        for (int workers : workerCounts) {
            double base = median(baseline.get(workers));
            double transfers = median(ledger.get(workers));
            double http = median(floor.get(workers));
            double ownTransactions = median(alone.get(workers));
            System.out.printf(
                    "%8d %12.0f %12.0f %7.2f %12.0f %7.2f   | %12.0f %7.2f%n",
                    workers,
                    base,
                    transfers,
                    transfers / base,
                    http,
                    http / base,
                    ownTransactions,
                    ownTransactions / base);
        }
        System.out.println("aim: ledger / baseline at least 0.5 with several workers");
        System.out.println("CPU per commit (the workers' threads and PostgreSQL's backends) and bytes the workers"
                + " allocated, median of the rounds:");
        for (int workers : workerCounts) {
            for (String column : List.of("baseline", "ledger", "alone")) {
                List<RequestCost> measuredCosts = costs.get(column + " " + workers);
                RequestCost cost = measuredCosts.stream()
                        .sorted(java.util.Comparator.comparingDouble(RequestCost::totalMillis))
                        .toList()
                        .get(measuredCosts.size() / 2);
                System.out.printf("%8d %-9s %s%n", workers, column, cost.per("commit"));
            }
        }
        System.out.printf("transfers per commit in the ledger column, over every run: %.2f%n", transfersPerCommit);
    }

    private static void add(Map<Integer, List<Double>> results, int workers, Rate rate) {
        results.computeIfAbsent(workers, w -> new ArrayList<>()).add(rate.perSecond());
    }

    private static void add(
            Map<Integer, List<Double>> results,
            int workers,
            Map<String, List<RequestCost>> costs,
            String column,
            Rate rate) {
        add(results, workers, rate);
        costs.computeIfAbsent(column + " " + workers, c -> new ArrayList<>()).add(rate.cost());
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The market on the benchmark's database, with the {@link WriteFloor} endpoint. */
    private static ConfigurableApplicationContext startMarket(String url, int workers) {
        SpringApplicationBuilder builder =
                new SpringApplicationBuilder(TechmarketApplication.class).profiles(WriteFloor.PROFILE);
        return builder.run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=" + (workers + 4),
                "--techmarket.demo.enabled=false",
                "--techmarket.security.bcrypt-strength=4",
                "--techmarket.ledger.hold-expiry-interval=PT1H",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    /** How many transfers the grouped runs committed per batch (the runs of each alone commit one per batch). */
    private static double transfersPerCommit(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                java.sql.ResultSet counts = s.executeQuery("select count(*)::float8 / count(distinct batch_id)"
                        + " from ledger_transfer where cause = 'benchmark'")) {
            counts.next();
            return counts.getDouble(1);
        }
    }

    private static void prepareBaseline(String url, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("create table benchmark_counter (id int primary key, n bigint not null)");
            s.execute("insert into benchmark_counter select g, 0 from generate_series(0, " + (rows - 1) + ") g");
        }
    }

    /** Two funded organizations for each worker; the first one's user is added to {@code users}. */
    private static List<String[]> pairs(ConfigurableApplicationContext market, int workers, List<String> users) {
        Onboarding onboarding = market.getBean(Onboarding.class);
        CashService cash = market.getBean(CashService.class);
        List<String[]> pairs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String[] pair = new String[2];
            for (int side = 0; side < 2; side++) {
                String user = Fixtures.unique("bench");
                pair[side] = onboarding
                        .register(
                                new Onboarding.NewOrganization(
                                        "Benchmark " + w + "-" + side,
                                        OrganizationType.ENTERPRISE,
                                        Fixtures.uniqueCreditCode(),
                                        "440300"),
                                new Onboarding.NewUser(user, "benchmark password", "Benchmark"))
                        .organizationId();
                if (side == 0) {
                    users.add(user);
                }
                cash.recordCashIn(Actor.SYSTEM, pair[side], Money.cny(1_000_000), Fixtures.unique("bench"));
            }
            pairs.add(pair);
        }
        return pairs;
    }

    /**
     * Each worker moves 0.01 yuan back and forth between its own two organizations: with {@code alone}, each transfer
     * in a transaction of its own ({@code transferAll} of one); otherwise as callers outside a transaction ask for a
     * transfer, committed together with the other workers' ({@code transfer}).
     */
    private static Work transfers(ConfigurableApplicationContext market, List<String[]> pairs, boolean alone) {
        Ledger ledger = market.getBean(Ledger.class);
        return (worker, i) -> {
            String[] pair = pairs.get(worker);
            TransferRequest request = TransferRequest.of(
                    AccountId.available(pair[(int) (i % 2)], "CNY"),
                    AccountId.available(pair[(int) ((i + 1) % 2)], "CNY"),
                    Money.cny(1),
                    "BENCHMARK",
                    alone ? "benchmark alone" : "benchmark");
            if (alone) {
                ledger.transferAll(Actor.SYSTEM, List.of(request));
            } else {
                ledger.transfer(Actor.SYSTEM, request);
            }
        };
    }

    /**
     * The write floor through the market's HTTP API ({@link WriteFloor}): each worker posts to its own row with the
     * token of its own organization's user.
     */
    private static Work floorRequests(ConfigurableApplicationContext market, String url, List<String> users)
            throws Exception {
        Api api = BenchMarket.api(market);
        List<String> tokens = users.stream()
                .map(user -> BenchMarket.expect(
                                api.post(
                                        "/api/v1/tokens",
                                        null,
                                        Map.of("username", user, "password", "benchmark password")),
                                201)
                        .text("token"))
                .toList();
        WriteFloor.prepare(url);
        LoadDriver.Operation request = WriteFloor.requests(api, tokens);
        return (worker, iteration) -> {
            if (!request.run(worker, iteration)) {
                throw new IllegalStateException("the write floor refused a request");
            }
        };
    }

    /** Each worker updates its own row with autocommit on: one durable commit per statement. */
    private static Work baselineWork(String url, int workers) throws SQLException {
        Connection[] connections = new Connection[workers];
        PreparedStatement[] updates = new PreparedStatement[workers];
        for (int w = 0; w < workers; w++) {
            connections[w] = DriverManager.getConnection(url);
            updates[w] = connections[w].prepareStatement("update benchmark_counter set n = n + 1 where id = ?");
            updates[w].setInt(1, w);
        }
        return new Work() {
            @Override
            public void commitOnce(int worker, long iteration) throws SQLException {
                updates[worker].executeUpdate();
            }

            @Override
            public void finish(int worker) throws SQLException {
                connections[worker].close();
            }
        };
    }

    /**
     * Runs the work on {@code workers} threads, warms up, then counts commits for {@code measured} and what they cost
     * the worker threads ({@code pool-*}) and the database whose data directory is {@code data}.
     */
    private static Rate run(int workers, Duration measured, Work work, Path data) throws Exception {
        LongAdder commits = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                start.await();
                for (long i = 0; running.get(); i++) {
                    work.commitOnce(worker, i);
                    if (counting.get()) {
                        commits.increment();
                    }
                }
                work.finish(worker);
                return null;
            }));
        }
        start.countDown();
        Thread.sleep(WARM_UP.toMillis());
        RequestCost.Mark mark = RequestCost.mark("pool-", data);
        counting.set(true);
        long began = System.nanoTime();
        Thread.sleep(measured.toMillis());
        counting.set(false);
        long ended = System.nanoTime();
        RequestCost cost = mark.per(commits.sum());
        running.set(false);
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return new Rate(commits.sum(), Duration.ofNanos(ended - began), cost);
    }
}
