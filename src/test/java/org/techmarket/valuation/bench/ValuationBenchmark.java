package org.techmarket.valuation.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.bench.BenchMarket;
import org.techmarket.deal.ComparableDeals;
import org.techmarket.support.Api;

/**
 * What a valuation costs on a market with many completed deals, against baselines measured in the same run on the
 * same database. It starts an embedded PostgreSQL and the whole market on it (demo off), writes {@code assets}
 * patents in 20 IPC main groups and {@code deals} completed single-asset deals on them straight into the tables
 * (a fifth of them licences with a royalty rate), and measures, one request at a time:
 * <ul>
 *   <li>a valuation over HTTP ({@code POST /assets/{id}/valuations}: alike assets, comparables, three approaches,
 *       the report stored and audited) against the HTTP floor {@code GET /api/v1/me};
 *   <li>the comparables read in one statement through {@link ComparableDeals} against the naive read, one query per
 *       alike asset.
 * </ul>
 * Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.valuation.bench.ValuationBenchmark [assets] [deals] [rounds]
 * </pre>
 *
 * Defaults: 20,000 assets, 200,000 deals, 200 rounds after 20 of warm-up.
 */
public final class ValuationBenchmark {

    private static final int GROUPS = 20;
    private static final int WARM_UP = 20;

    private ValuationBenchmark() {}

    public static void main(String[] args) throws Exception {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int deals = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path data = Files.createTempDirectory("valuation-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .start();
                ConfigurableApplicationContext market =
                        BenchMarket.start(postgres.getJdbcUrl("postgres", "postgres"), 4)) {
            Api api = BenchMarket.api(market);
            JdbcClient jdbc = market.getBean(JdbcClient.class);
            String token = BenchMarket.verifiedOrganization(api);
            String org = BenchMarket.expect(api.get("/api/v1/me", token), 200).text("organizationId");
            long seeding = System.nanoTime();
            seed(jdbc, org, assets, deals);
            System.out.printf(
                    "seeded %,d assets and %,d completed deals in %.1f s%n",
                    assets, deals, (System.nanoTime() - seeding) / 1e9);

            String subject = "bench-asset-1";
            List<String> alike = market.getBean(Assets.class).alike(subject, 1000).stream()
                    .map(AssetSummary::id)
                    .toList();
            ComparableDeals comparables = market.getBean(ComparableDeals.class);
            System.out.printf(
                    "subject %s: %d alike assets, %d comparables read%n",
                    subject,
                    alike.size(),
                    comparables.completedOn(alike, "CNY", 50).size());

            Map<String, Object> request = Map.of(
                    "purpose",
                    "TRANSFER",
                    "valuationDate",
                    "2026-06-30",
                    "inputs",
                    Map.of(
                            "revenueForecast",
                            List.of("1000000.00", "1200000.00", "1500000.00", "1500000.00", "1500000.00"),
                            "discountRate",
                            "0.12",
                            "reproductionCost",
                            "800000.00",
                            "obsolescence",
                            "0.35"));
            Figures valuation = time(
                    "valuation over HTTP (POST /assets/{id}/valuations)",
                    rounds,
                    () -> BenchMarket.expect(
                            api.post("/api/v1/assets/" + subject + "/valuations", BenchMarket.ADMIN, request), 201));
            Figures floor = time(
                    "floor: GET /api/v1/me",
                    rounds,
                    () -> BenchMarket.expect(api.get("/api/v1/me", BenchMarket.ADMIN), 200));
            Figures oneStatement = time(
                    "comparables in one statement (ComparableDeals)",
                    rounds,
                    () -> comparables.completedOn(alike, "CNY", 50));
            Figures perAsset =
                    time("naive: one query per alike asset", Math.max(10, rounds / 10), () -> naive(jdbc, alike));

            System.out.printf(
                    "%nValuation on %,d assets and %,d completed deals (%d cores, one request at a time)%n",
                    assets, deals, Runtime.getRuntime().availableProcessors());
            for (Figures f : List.of(valuation, floor, oneStatement, perAsset)) {
                System.out.println(f);
            }
            System.out.printf("ratio valuation / floor (p50) = %.1f%n", valuation.p50() / floor.p50());
            System.out.printf(
                    "ratio naive per-asset reads / one statement (p50) = %.1f%n", perAsset.p50() / oneStatement.p50());
        }
    }

    /** Latencies in milliseconds of {@code rounds} calls after the warm-up. */
    record Figures(String name, double[] millis) {
        double p50() {
            return percentile(0.50);
        }

        double percentile(double p) {
            return millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format(
                    "%-55s n=%4d  p50 %8.2f ms  p99 %8.2f ms", name, millis.length, p50(), percentile(0.99));
        }
    }

    private static Figures time(String name, int rounds, Supplier<?> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.get();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new Figures(name, millis);
    }

    /** What a read with a query per row costs: each alike asset's completed deals, one asset at a time. */
    private static List<Object> naive(JdbcClient jdbc, List<String> alike) {
        List<Object> found = new ArrayList<>();
        for (String asset : alike) {
            found.addAll(jdbc.sql("""
                    select d.id, d.price_minor from deal d join deal_asset a on a.deal_id = d.id
                    where a.asset_id = ? and d.status = 'COMPLETED' and d.currency = 'CNY'""").param(asset).query().listOfRows());
        }
        return found;
    }

    /**
     * Patents {@code bench-asset-1..n} owned by {@code org} in 20 IPC main groups, and completed deals on them: each
     * deal's required columns filled by type, then its price, right, scope and completion set.
     */
    private static void seed(JdbcClient jdbc, String org, int assets, int deals) {
        jdbc.sql("""
                insert into asset (id, kind, title, abstract, language, ipc, industries, legal_status, expires_on, trl,
                                   registered_by, created_at, updated_at, version)
                select 'bench-asset-' || i, 'INVENTION_PATENT', 'Benchmark patent ' || i, 'A patent to value.', 'en',
                       array['H01M ' || (i % ?) || '/00'], array['NEW_ENERGY_STORAGE'], 'GRANTED',
                       date '2030-01-01' + (i % 3650), 6, ?, now(), now(), 1
                from generate_series(1, ?) i""").params(GROUPS, org, assets).update();
        jdbc.sql("""
                insert into asset_owner (asset_id, organization_id, share_hundredths, confirmed_at)
                select 'bench-asset-' || i, ?, 10000, now() from generate_series(1, ?) i""").params(org, assets).update();
        List<String> required = jdbc.sql("""
                select column_name || ':' || data_type from information_schema.columns
                where table_name = 'deal' and is_nullable = 'NO' and column_default is null
                order by ordinal_position""").query(String.class).list();
        Map<String, String> set = Map.ofEntries(
                Map.entry("id", "'bench-deal-' || i"),
                Map.entry("cause", "'bench:' || i"),
                Map.entry("status", "'COMPLETED'"),
                Map.entry("grant_kind", "case when i % 5 = 0 then 'NON_EXCLUSIVE_LICENCE' else 'ASSIGNMENT' end"),
                Map.entry("seller_id", "'bench-seller'"),
                Map.entry("buyer_id", "'bench-buyer-' || i"),
                Map.entry("price_minor", "10000000 + (i * 7919) % 90000000"),
                Map.entry("currency", "'CNY'"),
                Map.entry("scope_start", "date '2024-01-01'"),
                Map.entry("mechanism", "'FIXED_PRICE'"),
                Map.entry("contract_type", "'TRANSFER'"),
                Map.entry("seller_identifier_kind", "'CREDIT_CODE'"),
                Map.entry("buyer_identifier_kind", "'CREDIT_CODE'"));
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String column : required) {
            String name = column.substring(0, column.indexOf(':'));
            String type = column.substring(column.indexOf(':') + 1);
            columns.add(name);
            values.add(set.getOrDefault(
                    name,
                    switch (type) {
                        case "integer", "bigint", "smallint" -> "0";
                        case "date" -> "current_date";
                        case "timestamp with time zone" -> "now()";
                        case "boolean" -> "false";
                        default -> "'bench'";
                    }));
        }
        for (String optional : List.of("grant_kind", "scope_end")) {
            if (!columns.contains(optional)) {
                columns.add(optional);
                values.add(set.getOrDefault(optional, "date '2024-01-01' + (i % 2000)"));
            }
        }
        jdbc.sql("insert into deal (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                        + " from generate_series(1, ?) i")
                .param(deals)
                .update();
        jdbc.sql("""
                insert into deal_asset (deal_id, position, asset_id, title)
                select 'bench-deal-' || i, 0, 'bench-asset-' || (1 + (i * 31) % ?), 'Benchmark patent'
                from generate_series(1, ?) i""").params(assets, deals).update();
        jdbc.sql("""
                insert into deal_history (deal_id, status, event, actor, at)
                select 'bench-deal-' || i, 'COMPLETED', 'DealCompleted', 'bench',
                       timestamptz '2024-01-01' + i * interval '5 minutes'
                from generate_series(1, ?) i""").param(deals).update();
        jdbc.sql("""
                insert into deal_royalty_terms (deal_id, rate_basis_points, minimum_per_period, currency,
                                                reporting_period, report_within_days)
                select 'bench-deal-' || i, 100 + i % 900, 0, 'CNY', 'QUARTERLY', 30
                from generate_series(5, ?, 5) i""").param(deals).update();
        jdbc.sql("analyze").update();
    }
}
