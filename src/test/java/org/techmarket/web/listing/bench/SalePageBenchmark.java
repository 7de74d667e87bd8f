package org.techmarket.web.listing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.support.Api;

/**
 * The sale page's render time at 8 concurrent visitors: {@code GET /listings/{id}} of an English auction with 40
 * bids, a sealed, a Dutch, a posted-price and a negotiated listing, with p50/p99, against the read floor
 * {@code GET /api/v1/me} measured in the same run on the same market. It starts an embedded PostgreSQL in a
 * temporary directory and the whole market on it (demo off), and drives it with {@link LoadDriver}. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.web.listing.bench.SalePageBenchmark [seconds] [workers]
 * </pre>
 *
 * Defaults: 10 measured seconds after 3 of warm-up per path, 8 workers.
 */
public final class SalePageBenchmark {

    private static final double WARM_UP = 3;
    private static final int BIDS = 40;
    private static final String TITLE = "一种稀疏传感器数据的神经网络训练方法";

    private SalePageBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("sale-page-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext market = BenchMarket.start(url, workers + 4)) {
                Api api = BenchMarket.api(market);
                String seller = BenchMarket.verifiedOrganization(api);
                String asset = BenchMarket.patent(api, seller);
                List<String> bidders = List.of(
                        BenchMarket.fundedOrganization(api, "1000000.00"),
                        BenchMarket.fundedOrganization(api, "1000000.00"));
                String english = BenchMarket.publish(api, seller, asset, rules("ENGLISH"), TITLE);
                for (int i = 0; i < BIDS; i++) {
                    BenchMarket.expect(
                            api.post(
                                    "/api/v1/listings/" + english + "/bids",
                                    bidders.get(i % 2),
                                    Map.of("amount", BenchMarket.money(100_000 + i * 100L))),
                            201);
                }
                Map<String, Object> dutch = rules("DUTCH");
                dutch.put(
                        "dutch",
                        Map.of(
                                "step",
                                BenchMarket.money(100),
                                "intervalSeconds",
                                60,
                                "floorPrice",
                                BenchMarket.money(50_000)));
                Map<String, String> pages = new LinkedHashMap<>();
                pages.put("English, " + BIDS + " bids", english);
                pages.put(
                        "sealed first price",
                        BenchMarket.publish(api, seller, asset, rules("SEALED_FIRST_PRICE"), TITLE));
                pages.put("Dutch", BenchMarket.publish(api, seller, asset, dutch, TITLE));
                pages.put("posted price", BenchMarket.publish(api, seller, asset, rules("FIXED_PRICE"), TITLE));
                pages.put("negotiated", BenchMarket.publish(api, seller, asset, rules("NEGOTIATION"), TITLE));

                HttpClient http = HttpClient.newHttpClient();
                String reader = bidders.get(0);
                LoadDriver.Result floor = LoadDriver.run(
                        "floor: GET /api/v1/me",
                        workers,
                        WARM_UP,
                        seconds,
                        (worker, i) -> api.get("/api/v1/me", reader).status() == 200);
                List<LoadDriver.Result> results = new ArrayList<>();
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    URI uri = URI.create(api.base() + "/listings/" + page.getValue() + "?lang=zh");
                    results.add(LoadDriver.run(
                            "page: " + page.getKey(),
                            workers,
                            WARM_UP,
                            seconds,
                            (worker, i) -> http.send(
                                                    HttpRequest.newBuilder(uri)
                                                            .header("Accept", "text/html")
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200));
                }
                System.out.printf(
                        "%nThe sale page GET /listings/{id} (zh, anonymous) vs. GET /api/v1/me (%d cores, %d workers,"
                                + " %.0f s each after %.0f s warm-up)%n",
                        Runtime.getRuntime().availableProcessors(), workers, seconds, WARM_UP);
                System.out.println(floor);
                for (LoadDriver.Result r : results) {
                    System.out.println(r);
                }
                for (LoadDriver.Result r : results) {
                    System.out.printf(
                            "%-34s p99 %6.1f ms (aim < 50)  p99 / floor p99 = %5.2f  rate / floor rate = %.3f%n",
                            r.name(),
                            r.p99Micros() / 1000.0,
                            (double) r.p99Micros() / floor.p99Micros(),
                            r.perSecond() / floor.perSecond());
                }
            }
        }
    }

    private static Map<String, Object> rules(String type) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", type);
        mechanism.put("startPrice", BenchMarket.money(100_000));
        if ("ENGLISH".equals(type)) {
            mechanism.put("increment", BenchMarket.money(100));
        }
        mechanism.put("deposit", BenchMarket.money(0));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(Duration.ofHours(2)).toString());
        return mechanism;
    }
}
