package org.techmarket.audit.bench;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.TechmarketApplication;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.domain.MerkleTree;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.audit.persistence.LogTree;

/**
 * The verifiable log's throughput and proof times, against the simplest durable transaction on the same database in
 * the same run: one row inserted per commit over plain JDBC. It starts its own embedded PostgreSQL with the server's
 * durability settings and the whole market on it, and measures:
 *
 * <ol>
 *   <li>events appended per second, one event per committed transaction from N workers, while the market's sealer
 *       keeps the chain and the tree up to date in the background and one more worker serves inclusion proofs of the
 *       latest tree (their rate is printed too), against N workers each inserting one row per commit;
 *   <li>events sealed into the chain and the tree per second, for a backlog of {@code entries} events inserted at
 *       once (this bulk-builds the tree to that size through the market's own sealer);
 *   <li>inclusion and consistency proof times (p50, p99) in the tree of {@code entries} leaves.
 * </ol>
 *
 * The anchor is Tessera (transparency-dev), which reports about 2,900 appends a second. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.audit.bench.LogAppendBenchmark [seconds] [workers] [entries]
 * </pre>
 *
 * Defaults: 5 measured seconds (after 2 s of warm-up), 4 workers, 1,000,000 entries.
 */
public final class LogAppendBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final double TESSERA_APPENDS_PER_SECOND = 2_900;
    private static final int PROOFS = 2_000;

    private LogAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        Duration measured = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path data = Files.createTempDirectory("log-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .start();
                ConfigurableApplicationContext market =
                        startMarket(postgres.getJdbcUrl("postgres", "postgres"), workers, data)) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            double baseline = Arrays.stream(rates(workers, measured, baselineInserts(url, workers)))
                    .sum();
            double[] appending = rates(workers + 1, measured, appendsWithProofs(market, workers));
            double appends = Arrays.stream(appending, 0, workers).sum();
            double proofsPerSecond = appending[workers];
            AuditSealer sealer = market.getBean(AuditSealer.class);
            sealer.sealCommitted();

            long backlogStarted = System.nanoTime();
            insertBacklog(market.getBean(JdbcClient.class), entries);
            double backlogInsertSeconds = (System.nanoTime() - backlogStarted) / 1e9;
            long sealingStarted = System.nanoTime();
            sealer.sealCommitted();
            double sealingSeconds = (System.nanoTime() - sealingStarted) / 1e9;
            LogTree tree = market.getBean(LogTree.class);
            long size = tree.size();
            double sealedPerSecond = entries / sealingSeconds;

            long[] inclusion = proofTimes(() -> {
                long index = ThreadLocalRandom.current().nextLong(size);
                tree.proof(MerkleTree.inclusionPath(index, size));
            });
            long[] consistency = proofTimes(() -> {
                long from = 1 + ThreadLocalRandom.current().nextLong(size - 1);
                tree.proof(MerkleTree.consistencyPath(from, size));
            });

            System.out.printf(
                    "%nThe verifiable log, %d cores, %d workers, %d s measured%n",
                    Runtime.getRuntime().availableProcessors(), workers, measured.toSeconds());
            System.out.printf("%-58s %12.0f /s%n", "baseline: one-row inserts, one per commit", baseline);
            System.out.printf(
                    "%-58s %12.0f /s   ratio %.2f to baseline, %.2f to Tessera%n",
                    "events appended, one per commit, tree kept by the sealer",
                    appends,
                    appends / baseline,
                    appends / TESSERA_APPENDS_PER_SECOND);
            System.out.printf("%-58s %12.0f /s%n", "  inclusion proofs served meanwhile (one worker)", proofsPerSecond);
            System.out.printf(
                    "%-58s %12.0f /s   ratio %.2f to baseline, %.2f to Tessera%n",
                    "events sealed into chain and tree (backlog of " + entries + ")",
                    sealedPerSecond,
                    sealedPerSecond / baseline,
                    sealedPerSecond / TESSERA_APPENDS_PER_SECOND);
            System.out.printf(
                    "%-58s %12.1f s (inserting the backlog: %.1f s)%n",
                    "  tree bulk-built to " + size + " leaves in", sealingSeconds, backlogInsertSeconds);
            System.out.printf(
                    "%-58s p50 %6.0f µs, p99 %6.0f µs%n",
                    "inclusion proof at " + size + " entries (" + PROOFS + " random)",
                    inclusion[0] / 1e3,
                    inclusion[1] / 1e3);
            System.out.printf(
                    "%-58s p50 %6.0f µs, p99 %6.0f µs%n",
                    "consistency proof to " + size + " entries (" + PROOFS + " random)",
                    consistency[0] / 1e3,
                    consistency[1] / 1e3);
            long nodes = market.getBean(JdbcClient.class)
                    .sql("select count(*) from log_node")
                    .query(Long.class)
                    .single();
            System.out.printf("%-58s %12d (%.2f per leaf)%n", "tree nodes stored", nodes, nodes / (double) size);
        }
    }

    private static ConfigurableApplicationContext startMarket(String url, int workers, Path data) {
        return new SpringApplicationBuilder(TechmarketApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=" + (workers + 6),
                        "--techmarket.data-dir=" + data.resolve("market"),
                        "--techmarket.demo.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
    }

    /** One unit of work a worker repeats; each call commits once. */
    @FunctionalInterface
    private interface Work {
        void once(int worker) throws Exception;
    }

    private static Work baselineInserts(String url, int workers) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(
                    "create table benchmark_row (id bigserial primary key, worker int not null, payload text not null)");
        }
        PreparedStatement[] inserts = new PreparedStatement[workers];
        for (int w = 0; w < workers; w++) {
            inserts[w] = DriverManager.getConnection(url)
                    .prepareStatement("insert into benchmark_row (worker, payload) values (?, '{\"n\":1}')");
            inserts[w].setInt(1, w);
        }
        return worker -> inserts[worker].executeUpdate();
    }

    /** Workers below {@code writers} each append one event per commit; the last serves inclusion proofs. */
    private static Work appendsWithProofs(ConfigurableApplicationContext market, int writers) {
        TransactionTemplate transactions = market.getBean(TransactionTemplate.class);
        AuditLog log = market.getBean(AuditLog.class);
        LogTree tree = market.getBean(LogTree.class);
        return worker -> {
            if (worker < writers) {
                transactions.executeWithoutResult(status ->
                        log.record("benchmark", "BenchmarkAppended", "benchmark:" + worker, Map.of("worker", worker)));
                return;
            }
            long size = tree.size();
            if (size == 0) {
                Thread.sleep(1);
                return;
            }
            tree.proof(MerkleTree.inclusionPath(ThreadLocalRandom.current().nextLong(size), size));
        };
    }

    /** How many times each worker did its work per second, counted after the warm-up for {@code measured}. */
    private static double[] rates(int workers, Duration measured, Work work) throws Exception {
        LongAdder[] done = new LongAdder[workers];
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            done[w] = new LongAdder();
            futures.add(pool.submit(() -> {
                while (running.get()) {
                    work.once(worker);
                    if (counting.get()) {
                        done[worker].increment();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(WARM_UP.toMillis());
        counting.set(true);
        long began = System.nanoTime();
        Thread.sleep(measured.toMillis());
        counting.set(false);
        long ended = System.nanoTime();
        running.set(false);
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return Arrays.stream(done)
                .mapToDouble(d -> d.sum() * 1e9 / (ended - began))
                .toArray();
    }

    private static void insertBacklog(JdbcClient jdbc, int entries) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, type, subject, payload)
                select now(), 'benchmark', case when g % 10 = 0 then 'OfferMade' else 'BenchmarkAppended' end,
                       'benchmark:' || g, '{"n":' || g || '}'
                from generate_series(1, ?) g""").param(entries).update();
    }

    /** p50 and p99 in nanoseconds of {@value #PROOFS} runs, after as many to warm up. */
    private static long[] proofTimes(Runnable proof) {
        for (int i = 0; i < PROOFS; i++) {
            proof.run();
        }
        long[] times = new long[PROOFS];
        for (int i = 0; i < PROOFS; i++) {
            long started = System.nanoTime();
            proof.run();
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        return new long[] {times[PROOFS / 2], times[PROOFS * 99 / 100]};
    }
}
