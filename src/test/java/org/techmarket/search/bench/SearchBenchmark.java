package org.techmarket.search.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
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
import org.techmarket.search.SearchResult;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.Fields;
import org.techmarket.search.index.Loader;
import org.techmarket.search.index.QueryPlan;
import org.techmarket.search.index.SearchIndex;
import org.techmarket.search.meaning.Translations;
import org.techmarket.search.meaning.bench.MeaningBenchmark;

/**
 * How fast the search index is, not a test: indexes {@code documents} synthetic documents (the demo market's real
 * titles and abstracts, Chinese and English, recombined; generated batch by batch, so a million fit in {@code -Xmx4g})
 * into a running market that has loaded the demo, then measures under {@code clients} concurrent clients for
 * {@code seconds} each, all with the same query texts: {@code GET /api/v1/search?limit=10} over HTTP; a raw Lucene
 * {@code IndexSearcher} top 10 of the same planned query (the words and their dictionary translations) in the same
 * order, checked to find the same ten as the API's search; and PostgreSQL full-text search over the same documents
 * segmented by the same Chinese analyzer (tsvector with a GIN index, the query's words and translations or'ed as
 * Lucene's are, {@code ts_rank} top 10, its plan checked with {@code EXPLAIN} to use the GIN index). Prints documents
 * indexed per second, p50/p99 of each with the ratios, the heap used, and vector search at {@code vectors} vectors
 * ({@link MeaningBenchmark#vectorSearch}).
 *
 * <p>Arguments: {@code [documents=100000] [seconds=10] [clients=8] [vectors=100000]} ({@code vectors} 0 leaves them
 * out).
 */
public final class SearchBenchmark {

    private static final String ORIGIN = "search-benchmark";

    private static final int BATCH = 5_000;
    /** A batch the index's loader analyses on one thread. */
    private static final int LOAD_BATCH = 1_000;
    /** Every this many documents, the rate so far and the time left are printed. */
    private static final int PROGRESS = 100_000;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final int TOP = 10;
    /** The market's request threads (Tomcat's). */
    private static final String HTTP_THREADS = "http-nio";

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

    private static final List<String> INDUSTRIES = List.of(
            "NEW_ENERGY_STORAGE",
            "ARTIFICIAL_INTELLIGENCE",
            "INTEGRATED_CIRCUITS",
            "QUANTUM_INFORMATION",
            "HUMANOID_ROBOTS",
            "ADVANCED_MATERIALS");

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int vectors = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
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
                Translations translations = market.getBean(Translations.class);
                Search search = market.getBean(Search.class);
                awaitReady(search, translations);
                Synthetic synthetic = new Synthetic();

                long start = System.nanoTime();
                try (Loader loader = index.current().loader(THREADS)) {
                    for (int from = 0; from < documents; from += LOAD_BATCH) {
                        loader.add(synthetic.batch(from, Math.min(documents, from + LOAD_BATCH)), Map.of());
                        progress("indexed", from + LOAD_BATCH, documents, start);
                    }
                }
                index.current().commit(index.position(Instant.EPOCH, ORIGIN).orElse("0"), ORIGIN, Instant.now());
                double indexSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        "indexed %,d documents in %.1f s: %,.0f documents/s; heap used after GC %,d MB%n",
                        documents, indexSeconds, documents / indexSeconds, usedHeapMb());

                loadPostgres(url, synthetic, documents, analyzers.chinese());
                Function<String, QueryPlan> plans = q -> QueryPlan.of(
                        Criteria.of(request(q), anyKnown()),
                        Search.Audience.PUBLIC,
                        analyzers,
                        translations::translate);
                explain(url, analyzers.chinese(), plans.apply(QUERIES.get(0)));
                checkSameTopTen(search, index, plans);

                HttpClient http = HttpClient.newBuilder().build();
                Cost apiCost = Cost.start(HTTP_THREADS);
                long[] api = measure(clients, seconds, q -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/search?limit=" + TOP + "&q="
                                    + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                });
                apiCost = apiCost.end(lastClients.calls());
                long[] raw = measure(clients, seconds, q -> rawTop(index, plans.apply(q)));
                Cost rawCost = lastClients.cost();
                long[] pg = measurePostgres(url, clients, seconds, analyzers.chinese(), plans);

                report("API (HTTP, facets, snippets, reasons)", api);
                report("raw Lucene IndexSearcher top 10", raw);
                report("PostgreSQL tsvector/GIN ts_rank top 10", pg);
                System.out.printf(
                        "per search: API request threads %s; raw searcher's threads %s; CPU ratio %.2f%n",
                        apiCost, rawCost, apiCost.cpuMillis() / rawCost.cpuMillis());
                System.out.printf(
                        "ratios: API p99 / raw p99 = %.2f (aim <= 2); PostgreSQL p50 / API p50 = %.1f (aim >= 10)%n",
                        percentile(api, 99) / (double) percentile(raw, 99),
                        percentile(pg, 50) / (double) percentile(api, 50));
                Runtime rt = Runtime.getRuntime();
                System.out.printf("heap used after GC: %,d MB (max %,d MB)%n", usedHeapMb(), rt.maxMemory() >> 20);
            }
        }
        if (vectors > 0) {
            MeaningBenchmark.vectorSearch(vectors, 200);
        }
    }

    /** Every {@value #PROGRESS} documents: how many so far, at what rate, and how long the rest will take at it. */
    private static void progress(String what, int done, int documents, long start) {
        if (done % PROGRESS != 0 || done >= documents) {
            return;
        }
        double rate = done / ((System.nanoTime() - start) / 1e9);
        System.out.printf(
                "  %s %,d of %,d documents: %,.0f documents/s, about %.0f s to go%n",
                what, done, documents, rate, (documents - done) / rate);
    }

    private static SearchRequest request(String q) {
        return SearchRequest.words(q).withTypes(null, TOP);
    }

    /** Waits until the demo market is indexed and the dictionary loaded, so that every search is translated. */
    private static void awaitReady(Search search, Translations translations) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (translations.translator().isPresent()
                    && search.search(SearchRequest.words(""), Search.Audience.PUBLIC)
                                    .total()
                            > 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the demo market was not indexed, or the dictionary not loaded");
    }

    private static List<String> rawTop(SearchIndex index, QueryPlan plan) throws IOException {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            IndexSearcher searcher = acquired.searcher();
            Sort byScoreThenKey = new Sort(SortField.FIELD_SCORE, new SortField(Fields.KEY, SortField.Type.STRING));
            List<String> ids = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(plan.query(), TOP, byScoreThenKey).scoreDocs) {
                ids.add(searcher.storedFields()
                        .document(doc.doc, Set.of(Fields.ID))
                        .get(Fields.ID));
            }
            return ids;
        } finally {
            index.release(acquired);
        }
    }

    /** The raw searcher and the API's search find the same ten, in the same order, for every query. */
    private static void checkSameTopTen(Search search, SearchIndex index, Function<String, QueryPlan> plans)
            throws IOException {
        int same = 0;
        StringBuilder shapes = new StringBuilder();
        for (String q : QUERIES) {
            shapes.append(String.format(" %s %d;", q, leafQueries(plans.apply(q).query())));
            List<String> api = search.search(request(q), Search.Audience.PUBLIC).items().stream()
                    .map(SearchResult.Hit::id)
                    .toList();
            if (api.equals(rawTop(index, plans.apply(q)))) {
                same++;
            } else {
                System.out.printf("  not the same top 10 for %s%n", q);
            }
        }
        System.out.printf(
                "the same top 10 from the raw searcher and the API's search: %d of %d queries%n", same, QUERIES.size());
        System.out.printf("term and phrase queries per planned query (words, translations, filters):%s%n", shapes);
    }

    private static int leafQueries(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    /** The demo market's real titles and abstracts, recombined: document {@code i} is the same in every pass. */
    private static final class Synthetic {
        private final List<String[]> real = new ArrayList<>();

        Synthetic() {
            for (DemoPatent p : DemoPatents.load()) {
                real.add(new String[] {p.title(), p.abstractText(), String.join(",", p.ipc())});
            }
            for (DemoCnAsset a : DemoCnAssets.load()) {
                real.add(new String[] {a.title(), a.abstractText(), String.join(",", a.ipc())});
            }
        }

        List<SearchDocument> batch(int from, int to) {
            List<SearchDocument> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(document(i));
            }
            return batch;
        }

        SearchDocument document(int i) {
            Random random = new Random(42L * 1_000_003 + i);
            String[] a = real.get(random.nextInt(real.size()));
            String[] b = real.get(random.nextInt(real.size()));
            List<String> ipc = a[2].isEmpty() ? List.of() : Arrays.asList(a[2].split(","));
            return new SearchDocument(
                    "asset",
                    "synthetic-" + i,
                    half(a[0], true) + " " + half(b[0], false),
                    half(a[1], true) + " " + half(b[1], false),
                    null,
                    List.of(INDUSTRIES.get(random.nextInt(INDUSTRIES.size()))),
                    (11 + random.nextInt(50)) + "0000",
                    "INVENTION_PATENT",
                    null,
                    ipc,
                    null,
                    null,
                    "GRANTED",
                    SearchDocument.PUBLIC,
                    "synthetic",
                    Instant.ofEpochSecond(1_600_000_000L + i));
        }

        private static String half(String text, boolean first) {
            int middle = text.length() / 2;
            return first ? text.substring(0, middle) : text.substring(middle);
        }
    }

    /** The words as the Chinese analyzer gives them (it also lower-cases and stems English), space-separated. */
    private static String segmented(Analyzer chinese, String text) {
        StringBuilder words = new StringBuilder();
        try (TokenStream tokens = chinese.tokenStream("t", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.append(term).append(' ');
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toString();
    }

    private static void loadPostgres(String url, Synthetic synthetic, int documents, Analyzer chinese)
            throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_doc (id text primary key, tsv tsvector not null)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into bench_doc values (?,"
                    + " setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))")) {
                for (int from = 0; from < documents; from += BATCH) {
                    // segmented on every processor, as the index analyses them
                    List<String[]> rows = synthetic.batch(from, Math.min(documents, from + BATCH)).parallelStream()
                            .map(d ->
                                    new String[] {d.id(), segmented(chinese, d.title()), segmented(chinese, d.text())})
                            .toList();
                    for (String[] row : rows) {
                        insert.setString(1, row[0]);
                        insert.setString(2, row[1]);
                        insert.setString(3, row[2]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    progress("PostgreSQL: loaded", from + BATCH, documents, start);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create index bench_doc_tsv on bench_doc using gin (tsv)");
                s.execute("analyze bench_doc");
            }
            c.commit();
        }
        System.out.printf(
                "PostgreSQL: %,d documents segmented and loaded with a GIN index in %.1f s%n",
                documents, (System.nanoTime() - start) / 1e9);
    }

    private static final String PG_TOP = "select id from bench_doc, to_tsquery('simple', ?) query where tsv @@ query"
            + " order by ts_rank(tsv, query) desc limit " + TOP;

    /** The query's words and its translations, segmented as the documents were, any of them (as Lucene's or). */
    private static String tsquery(Analyzer chinese, QueryPlan plan) {
        Set<String> words = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>(List.of(plan.text()));
        texts.addAll(plan.translations());
        for (String text : texts) {
            for (String word : segmented(chinese, text).split(" ")) {
                if (!word.isBlank()) {
                    words.add("'" + word.replace("'", "''").replace("\\", "\\\\") + "'");
                }
            }
        }
        return String.join(" | ", words);
    }

    private static void explain(String url, Analyzer chinese, QueryPlan plan) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement explain = c.prepareStatement("explain " + PG_TOP)) {
            explain.setString(1, tsquery(chinese, plan));
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            boolean gin = lines.stream().anyMatch(line -> line.contains("Bitmap Index Scan on bench_doc_tsv"));
            System.out.printf(
                    "PostgreSQL plan for \"%s\" (%s): uses the GIN index: %s%n  %s%n",
                    plan.text(), tsquery(chinese, plan), gin ? "yes" : "NO", String.join("\n  ", lines));
        }
    }

    private static long[] measurePostgres(
            String url, int clients, int seconds, Analyzer chinese, Function<String, QueryPlan> plans)
            throws Exception {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(url, "postgres", "");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return measure(clients, seconds, q -> {
            try (PreparedStatement select = connections.get().prepareStatement(PG_TOP)) {
                select.setString(1, tsquery(chinese, plans.apply(q)));
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
        AtomicLong calls = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        AtomicLong clientBytes = new AtomicLong();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
                long cpu0 = mx.getCurrentThreadCpuTime();
                long bytes0 = mx.getCurrentThreadAllocatedBytes();
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        clientCpu.addAndGet(mx.getCurrentThreadCpuTime() - cpu0);
                        clientBytes.addAndGet(mx.getCurrentThreadAllocatedBytes() - bytes0);
                        return latencies;
                    }
                    calls.incrementAndGet();
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
        lastClients = new Clients(calls.get(), clientCpu.get(), clientBytes.get());
        return all.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The calls of the last measurement, warm-up included, and the CPU time and bytes its client threads spent. */
    record Clients(long calls, long cpuNanos, long bytes) {

        Cost cost() {
            double n = Math.max(1, calls);
            return new Cost("clients", 0, 0, cpuNanos / n / 1e6, bytes / n / 1024);
        }
    }

    private static volatile Clients lastClients = new Clients(0, 0, 0);

    /**
     * What the searches of one measurement cost on the threads that ran them, per search: their CPU time and the bytes
     * they allocated, figures that a machine busy with other work moves far less than it moves latencies (the warm-up's searches
     * included, in the cost and in the count).
     */
    record Cost(String threads, long cpuNanos, long bytes, double cpuMillis, double kilobytes) {

        static Cost start(String threads) {
            return new Cost(threads, cpu(threads), allocated(threads), 0, 0);
        }

        Cost end(long searches) {
            double n = Math.max(1, searches);
            return new Cost(
                    threads, 0, 0, (cpu(threads) - cpuNanos) / n / 1e6, (allocated(threads) - bytes) / n / 1024);
        }

        @Override
        public String toString() {
            return String.format("%.2f ms CPU, %,.0f KB allocated", cpuMillis, kilobytes);
        }

        private static long cpu(String prefix) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long nanos = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith(prefix)) {
                    nanos += Math.max(0, mx.getThreadCpuTime(thread.getId()));
                }
            }
            return nanos;
        }

        private static long allocated(String prefix) {
            var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long bytes = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith(prefix)) {
                    bytes += Math.max(0, mx.getThreadAllocatedBytes(thread.getId()));
                }
            }
            return bytes;
        }
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

    private static long usedHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
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
