package org.techmarket.statistics.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.bench.BenchMarket;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.statistics.domain.OpenDataQuery;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.persistence.Cubes;
import org.techmarket.support.Api;

/**
 * The open statistics' latency through the HTTP API at a million deals, against the same aggregation done by GROUP BY
 * over the raw tables in the same run on the same database. It starts an embedded PostgreSQL (a benchmark database
 * of its own, thrown away after) and the whole market on it, writes {@code deals} completed deals with generate_series
 * straight into the raw tables (assets, listings awarded, deals, their assets and history, registrations for three in
 * five), fills the read models with the rebuild, and then, per question, times {@code requests} sequential GETs
 * against {@code rawRuns} runs of the raw aggregation ({@link Cubes#cellsFromRawTables}). Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.statistics.bench.StatisticsBenchmark [deals] [requests] [rawRuns]
 * </pre>
 *
 * Defaults: 1,000,000 deals over the 36 months 2023-01 to 2025-12, 300 requests after 30 of warm-up, 3 raw runs
 * after one of warm-up. The generated listings have no audit events, so the funnel's {@code listed} reads 0 here.
 */
public final class StatisticsBenchmark {

    private static final String[] MECHANISMS = {"ENGLISH", "SEALED_FIRST_PRICE", "DUTCH", "FIXED_PRICE", "NEGOTIATION"};
    private static final String[] KINDS = {
        "INVENTION_PATENT", "UTILITY_MODEL", "SOFTWARE_COPYRIGHT", "KNOW_HOW", "DATA_PRODUCT", "IC_LAYOUT_DESIGN"
    };
    private static final int ASSETS = 20_000;

    private record Question(Report report, String groupBy, String from, String to) {

        String path() {
            return "/api/v1/statistics/"
                    + (report == Report.OPEN_LICENCES
                            ? "open-licences"
                            : report.name().toLowerCase()) + "?groupBy=" + groupBy + "&from=" + from + "&to=" + to;
        }
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question(Report.DEALS, "industry,province,month", "2025-10", "2025-12"),
            new Question(Report.DEALS, "industry,month", "2023-01", "2025-12"),
            new Question(Report.DEALS, "industry,mechanism,contractType", "2025-01", "2025-12"),
            new Question(Report.FLOWS, "sellerProvince,buyerProvince", "2025-01", "2025-12"),
            new Question(Report.FUNNEL, "industry,mechanism", "2025-01", "2025-12"),
            new Question(Report.PRICES, "industry,assetKind,month", "2025-01", "2025-12"));

    private StatisticsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int deals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rawRuns = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path data = Files.createTempDirectory("statistics-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "64MB")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext market = BenchMarket.start(url, 8)) {
                Api api = BenchMarket.api(market);
                JdbcClient jdbc = market.getBean(JdbcClient.class);
                Cubes cubes = market.getBean(Cubes.class);
                String token = BenchMarket.verifiedOrganization(api);
                String organization =
                        BenchMarket.expect(api.get("/api/v1/me", token), 200).text("organizationId");

                long started = System.nanoTime();
                generate(jdbc, deals, organization);
                System.out.printf("generated %,d completed deals in the raw tables in %.1f s%n", deals, since(started));
                started = System.nanoTime();
                boolean rebuilt = market.getBean(TransactionTemplate.class).execute(tx -> cubes.rebuildIfEmpty());
                jdbc.sql("analyze").update();
                System.out.printf(
                        "rebuilt the read models from the raw tables (%s) in %.1f s: %s%n",
                        rebuilt ? "done" : "NOT DONE", since(started), sizes(jdbc));

                Set<String> provinces =
                        Regions.load().provinces().stream().map(Region::code).collect(Collectors.toSet());
                HttpClient http = HttpClient.newHttpClient();
                long[] floor = timeGets(http, URI.create(api.base() + "/api/v1/reference/industries"), requests);
                System.out.printf(
                        "floor: GET /api/v1/reference/industries (public, no database) p50=%.2f ms p99=%.2f ms%n",
                        percentile(floor, 0.50) / 1e6, percentile(floor, 0.99) / 1e6);
                for (Question question : QUESTIONS) {
                    measure(api, http, cubes, provinces, question, requests, rawRuns);
                }
            }
        }
    }

    private static void measure(
            Api api, HttpClient http, Cubes cubes, Set<String> provinces, Question q, int requests, int rawRuns)
            throws Exception {
        long[] apiNanos = timeGets(http, URI.create(api.base() + q.path()), requests);
        int bytes = http.send(
                        HttpRequest.newBuilder(URI.create(api.base() + q.path()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .length();
        int rows = 0;
        OpenDataQuery query = OpenDataQuery.parse(
                q.report(),
                Optional.of(q.groupBy()),
                Optional.of(q.from()),
                Optional.of(q.to()),
                List.of(),
                List.of(),
                provinces);
        cubes.cellsFromRawTables(query);
        long[] rawNanos = new long[rawRuns];
        for (int i = 0; i < rawRuns; i++) {
            long t = System.nanoTime();
            rows = cubes.cellsFromRawTables(query).size();
            rawNanos[i] = System.nanoTime() - t;
        }
        boolean agree = cubes.cells(query).equals(cubes.cellsFromRawTables(query));
        double apiP50 = percentile(apiNanos, 0.50);
        double apiP99 = percentile(apiNanos, 0.99);
        double rawP50 = percentile(rawNanos, 0.50);
        System.out.printf(
                "%-90s cells=%5d json=%7d B  API p50=%7.2f ms p99=%7.2f ms | raw GROUP BY p50=%9.1f ms max=%9.1f ms"
                        + " | raw p50 / API p99 = %7.1fx | read model = raw: %s%n",
                q.path(),
                rows,
                bytes,
                apiP50 / 1e6,
                apiP99 / 1e6,
                rawP50 / 1e6,
                percentile(rawNanos, 1.0) / 1e6,
                rawP50 / apiP99,
                agree);
    }

    /** The latencies of {@code requests} sequential GETs after 30 of warm-up, each of which must answer 200. */
    private static long[] timeGets(HttpClient http, URI uri, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long[] nanos = new long[requests];
        for (int i = -30; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        return nanos;
    }

    private static void generate(JdbcClient jdbc, int deals, String organization) {
        String industries =
                array(Arrays.stream(FutureIndustry.values()).map(Enum::name).toList());
        String provinces =
                array(Regions.load().provinces().stream().map(Region::code).toList());
        jdbc.sql("insert into asset (id, kind, title, abstract, language, ipc, industries, legal_status, trl,"
                        + " registered_by, created_at, updated_at, version)"
                        + " select 'bench-asset-' || i, (?::text[])[1 + i % ?], 'Asset ' || i, '', 'en', '{}',"
                        + " array[(?::text[])[1 + (i * 7) % ?]], 'GRANTED', 5, ?, now(), now(), 0"
                        + " from generate_series(1, ?) i")
                .params(
                        array(List.of(KINDS)),
                        KINDS.length,
                        industries,
                        FutureIndustry.values().length,
                        organization,
                        ASSETS)
                .update();
        jdbc.sql("create unlogged table bench_seed as select i,"
                        + " (100000 + floor(random() * 100000000))::bigint as price,"
                        + " (?::text[])[1 + floor(random() * ?)::int] as seller_region,"
                        + " (?::text[])[1 + floor(random() * ?)::int] as buyer_region,"
                        + " (?::text[])[1 + floor(random() * ?)::int] as mechanism,"
                        + " 'bench-asset-' || (1 + floor(random() * ?)::int) as asset_id,"
                        + " timestamptz '2023-01-01 00:00:00+00' + random() * interval '1065 days' as starts_at,"
                        + " random() * interval '20 days' as on_sale, random() < 0.5 as with_reserve,"
                        + " random() < 0.6 as registered, i % 3 = 0 as licence"
                        + " from generate_series(1, ?) i")
                .params(provinces, 34, provinces, 34, array(List.of(MECHANISMS)), MECHANISMS.length, ASSETS, deals)
                .update();
        jdbc.sql("insert into listing (id, venue_id, seller_id, title, description, asset_ids, industries, offer_kind,"
                        + " mechanism, terms, currency, deposit, starts_at, ends_at, status, state, bid_count, winner_id,"
                        + " award_price, created_at, updated_at, version)"
                        + " select 'bench-listing-' || i, 'bench-venue', 'bench-seller-' || (i % 5000), 'Listing', '',"
                        + " array[asset_id], '{}', 'ASSIGNMENT', mechanism,"
                        + " json_build_object('type', mechanism, 'startPrice', json_build_object('amount',"
                        + " to_char(price * 0.8 / 100.0, 'FM999999999990.00'), 'currency', 'CNY'), 'reservePrice',"
                        + " case when with_reserve then json_build_object('amount',"
                        + " to_char(price * 0.9 / 100.0, 'FM999999999990.00'), 'currency', 'CNY') end)::text,"
                        + " 'CNY', 0, starts_at, starts_at + interval '21 days', 'AWARDED', '{}', 1 + i % 5,"
                        + " 'bench-buyer-' || (i % 7000), price, starts_at, starts_at + on_sale, 0 from bench_seed")
                .update();
        jdbc.sql("insert into deal (id, cause, venue_id, listing_id, mechanism, status, contract_type, grant_kind,"
                        + " seller_id, seller_name, seller_identifier, seller_region, buyer_id, buyer_name,"
                        + " buyer_identifier, buyer_region, scope_fields, scope_territories, scope_start, price_minor,"
                        + " currency, payment_due, acceptance_days, delivery_obligations, contract_hash, contract_zh,"
                        + " contract_en, created_at, updated_at, seller_identifier_kind, buyer_identifier_kind)"
                        + " select 'bench-deal-' || i, 'listing:bench-listing-' || i, 'bench-venue',"
                        + " 'bench-listing-' || i, mechanism, 'COMPLETED',"
                        + " case when licence then 'LICENSING' else 'TRANSFER' end,"
                        + " case when licence then 'NON_EXCLUSIVE_LICENCE' else 'ASSIGNMENT' end,"
                        + " 'bench-seller-' || (i % 5000), 'Seller', 'x', seller_region, 'bench-buyer-' || (i % 7000),"
                        + " 'Buyer', 'y', buyer_region, '*', 'CN', (starts_at + on_sale)::date, price, 'CNY',"
                        + " (starts_at + on_sale)::date + 30, 7, '', 'hash', '', '', starts_at + on_sale,"
                        + " starts_at + on_sale + interval '10 days', 'CREDIT_CODE', 'CREDIT_CODE' from bench_seed")
                .update();
        jdbc.sql("insert into deal_asset (deal_id, position, asset_id, title)"
                        + " select 'bench-deal-' || i, 0, asset_id, 'Asset' from bench_seed")
                .update();
        jdbc.sql("insert into deal_history (deal_id, status, event, actor, at)"
                        + " select 'bench-deal-' || i, 'COMPLETED', 'DealCompleted', 'bench',"
                        + " starts_at + on_sale + interval '10 days' from bench_seed")
                .update();
        jdbc.sql("insert into contract_registration (number, deal_id, venue_id, contract_hash, contract_type,"
                        + " amount_minor, currency, qualification, qualifies, registered_on, registered_at)"
                        + " select 'bench-' || i, 'bench-deal-' || i, 'bench-venue', 'hash',"
                        + " case when licence then 'LICENSING' else 'TRANSFER' end, price, 'CNY', 'NOT_QUALIFIED', false,"
                        + " (starts_at + on_sale + interval '12 days')::date, starts_at + on_sale + interval '12 days'"
                        + " from bench_seed where registered")
                .update();
        jdbc.sql("drop table bench_seed").update();
        jdbc.sql("analyze").update();
    }

    private static String sizes(JdbcClient jdbc) {
        return String.join(
                ", ",
                List.of("stat_deal_month", "stat_deal_cell", "stat_flow_cell", "stat_funnel_cell", "stat_sale_cell")
                        .stream()
                        .map(t -> t + " "
                                + jdbc.sql("select count(*) from " + t)
                                        .query(Long.class)
                                        .single() + " rows")
                        .toList());
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
