package org.techmarket.search.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.TechmarketApplication;
import org.techmarket.demo.DemoCnAsset;
import org.techmarket.demo.DemoCnAssets;
import org.techmarket.demo.DemoPatent;
import org.techmarket.demo.DemoPatents;
import org.techmarket.search.Search;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.QueryPlan;
import org.techmarket.search.index.SearchIndex;

/**
 * How fast the search index is, not a test: indexes {@code documents} synthetic documents (the demo market's real
 * titles and abstracts, Chinese and English, recombined) into a running market that has loaded the demo, then measures
 * under {@code clients} concurrent clients for {@code seconds} each: {@code GET /api/v1/search} over HTTP, a raw Lucene
 * {@code IndexSearcher} top 10 on the same index with the same query, and PostgreSQL full-text search (tsvector, GIN,
 * {@code ts_rank} top 10, the {@code simple} configuration) over the same documents. Prints documents indexed per
 * second, p50/p99 of each with the ratios, and the heap used.
 *
 * <p>Arguments: {@code [documents=200000] [seconds=10] [clients=8]}.
 */
public final class SearchBenchmark {

    private static final List<String> QUERIES = List.of(
            "battery",
            "neural network",
            "solid electrolyte",
            "fuel cell",
            "semiconductor device",
            "robot arm",
            "wireless communication",
            "image sensor",
            "燃料电池",
            "量子密钥分发",
            "机器人",
            "储能",
            "半导体",
            "antenna",
            "lithium",
            "optical fiber",
            "vehicle",
            "gene",
            "protein",
            "laser");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path data = Files.createTempDirectory("search-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext market = new SpringApplicationBuilder(TechmarketApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--techmarket.data-dir=" + data.resolve("market"),
                            "--techmarket.search.dir=" + data.resolve("search"),
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN")) {
                int port = ((WebServerApplicationContext) market).getWebServer().getPort();
                SearchIndex index = market.getBean(SearchIndex.class);
                Analyzers analyzers = market.getBean(Analyzers.class);
                awaitDemoIndexed(market.getBean(Search.class));
                List<SearchDocument> synthetic = synthetic(documents);

                long start = System.nanoTime();
                for (int from = 0; from < synthetic.size(); from += 5_000) {
                    index.current().apply(synthetic.subList(from, Math.min(synthetic.size(), from + 5_000)), List.of());
                }
                index.current().commit(index.position(Instant.EPOCH).orElse("0"), Instant.now());
                double indexSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "indexed %,d documents in %.1f s: %,.0f documents/s%n",
                        documents, indexSeconds, documents / indexSeconds);

                loadPostgres(url, synthetic);

                HttpClient http = HttpClient.newBuilder().build();
                long[] api = measure(clients, seconds, q -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                });
                long[] raw = measure(clients, seconds, q -> {
                    SearchIndex.Acquired acquired = index.acquire();
                    try {
                        Criteria criteria = Criteria.of(SearchRequest.words(q), anyKnown());
                        acquired.searcher()
                                .search(
                                        QueryPlan.of(criteria, Search.Audience.PUBLIC, analyzers)
                                                .query(),
                                        10);
                    } finally {
                        index.release(acquired);
                    }
                });
                long[] pg = measurePostgres(url, clients, seconds);

                report("API (HTTP, facets, snippets, reasons)", api);
                report("raw Lucene IndexSearcher top 10", raw);
                report("PostgreSQL tsvector/GIN ts_rank top 10", pg);
                System.out.printf(
                        "ratios: API p99 / raw p99 = %.2f (aim <= 2); PostgreSQL p50 / API p50 = %.1f (aim >= 10)%n",
                        percentile(api, 99) / (double) percentile(raw, 99),
                        percentile(pg, 50) / (double) percentile(api, 50));
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(
                        "heap used after GC: %,d MB (max %,d MB)%n",
                        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            }
        }
    }

    private static void awaitDemoIndexed(Search search) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (search.search(SearchRequest.words(""), Search.Audience.PUBLIC).total() > 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the demo market was not indexed");
    }

    private static List<SearchDocument> synthetic(int count) {
        List<String[]> real = new ArrayList<>();
        for (DemoPatent p : DemoPatents.load()) {
            real.add(new String[] {p.title(), p.abstractText(), String.join(",", p.ipc())});
        }
        for (DemoCnAsset a : DemoCnAssets.load()) {
            real.add(new String[] {a.title(), a.abstractText(), String.join(",", a.ipc())});
        }
        Random random = new Random(42);
        List<SearchDocument> documents = new ArrayList<>(count);
        List<String> industries = List.of(
                "NEW_ENERGY_STORAGE",
                "ARTIFICIAL_INTELLIGENCE",
                "INTEGRATED_CIRCUITS",
                "QUANTUM_INFORMATION",
                "HUMANOID_ROBOTS",
                "ADVANCED_MATERIALS");
        for (int i = 0; i < count; i++) {
            String[] a = real.get(random.nextInt(real.size()));
            String[] b = real.get(random.nextInt(real.size()));
            String title = half(a[0], true) + " " + half(b[0], false);
            String text = half(a[1], true) + " " + half(b[1], false);
            List<String> ipc = a[2].isEmpty() ? List.of() : Arrays.asList(a[2].split(","));
            documents.add(new SearchDocument(
                    "asset",
                    "synthetic-" + i,
                    title,
                    text,
                    null,
                    List.of(industries.get(random.nextInt(industries.size()))),
                    (11 + random.nextInt(50)) + "0000",
                    "INVENTION_PATENT",
                    null,
                    ipc,
                    null,
                    null,
                    "GRANTED",
                    SearchDocument.PUBLIC,
                    "synthetic",
                    Instant.ofEpochSecond(1_600_000_000L + i)));
        }
        return documents;
    }

    private static String half(String text, boolean first) {
        int middle = text.length() / 2;
        return first ? text.substring(0, middle) : text.substring(middle);
    }

    private static void loadPostgres(String url, List<SearchDocument> documents) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_doc (id text primary key, title text, body text, tsv tsvector)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into bench_doc values (?, ?, ?,"
                    + " setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))")) {
                int n = 0;
                for (SearchDocument d : documents) {
                    insert.setString(1, d.id());
                    insert.setString(2, d.title());
                    insert.setString(3, d.text());
                    insert.setString(4, d.title());
                    insert.setString(5, d.text());
                    insert.addBatch();
                    if (++n % 2_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("create index bench_doc_tsv on bench_doc using gin (tsv)");
                s.execute("analyze bench_doc");
            }
            c.commit();
        }
        System.out.printf(
                "PostgreSQL: %,d documents with a GIN index in %.1f s%n",
                documents.size(), (System.nanoTime() - start) / 1e9);
    }

    private static long[] measurePostgres(String url, int clients, int seconds) throws Exception {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(url, "postgres", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return measure(clients, seconds, q -> {
            try (PreparedStatement select = connections
                    .get()
                    .prepareStatement("select id from bench_doc, plainto_tsquery('simple', ?) query where tsv @@ query"
                            + " order by ts_rank(tsv, query) desc limit 10")) {
                select.setString(1, q);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
            }
        });
    }

    interface Call {
        void run(String query) throws Exception;
    }

    private static long[] measure(int clients, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmUpEnd + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return latencies;
                    }
                    call.run(QUERIES.get(Math.floorMod(next.getAndIncrement(), QUERIES.size())));
                    long t1 = System.nanoTime();
                    // a search counts when it ends after the warm-up, so that slow ones are measured, not dropped
                    if (t1 >= warmUpEnd) {
                        latencies.add(t1 - t0);
                    }
                }
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no search completed within the measured time");
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "%-42s %,8d searches  p50 %7.2f ms  p99 %7.2f ms%n",
                what, sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    private static Criteria.Known anyKnown() {
        return new Criteria.Known() {
            @Override
            public java.util.Set<String> types() {
                return java.util.Set.of("asset");
            }

            @Override
            public boolean value(String field, String value) {
                return true;
            }
        };
    }
}
