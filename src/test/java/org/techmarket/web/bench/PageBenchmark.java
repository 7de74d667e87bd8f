package org.techmarket.web.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.TechmarketApplication;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;

/**
 * How fast the web market's pages render: each page path in {@link #PUBLIC} (as a stranger) and {@link #SIGNED_IN}
 * (with the session cookie of a verified organization's admin, logged in through the form) is requested by 8
 * concurrent users for a few seconds, and its p50 and p99 are set against those of {@code GET /api/v1/me} (a bearer
 * token, the smallest authenticated read) measured in the same run. The market runs with the demo data on its own
 * embedded PostgreSQL. Each part of the web market adds its pages to the lists. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.web.bench.PageBenchmark [seconds] [users]
 * </pre>
 */
public final class PageBenchmark {

    /** Pages anyone may read. */
    static final List<String> PUBLIC = List.of(
            "/login",
            "/register",
            "/login?lang=en",
            "/observatory",
            "/",
            "/?lang=en",
            "/search?q=battery",
            "/search?q=%E7%94%B5%E6%B1%A0&industry=NEW_ENERGY_STORAGE",
            "/needs",
            "/challenges");

    /** Pages of a signed-in organization member. */
    static final List<String> SIGNED_IN = List.of("/login", "/register/done", "/workspace");

    private static final double WARM_UP = 1;
    private static final String PASSWORD = "benchmark password";

    private PageBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("page-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "100")
                        .start();
                ConfigurableApplicationContext market = start(postgres.getJdbcUrl("postgres", "postgres"), users)) {
            Api api = BenchMarket.api(market);
            String username = Fixtures.unique("pages");
            BenchMarket.registered(api, username, PASSWORD);
            String token = BenchMarket.expect(
                            api.post("/api/v1/tokens", null, Map.of("username", username, "password", PASSWORD)), 201)
                    .text("token");
            PageClient browser = new PageClient(api.base());
            browser.logIn(username, PASSWORD);
            String session = "JSESSIONID=" + browser.cookie("JSESSIONID").orElseThrow();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            LoadDriver.Result floor = LoadDriver.run(
                    "GET /api/v1/me (floor)",
                    users,
                    WARM_UP,
                    seconds,
                    (w, i) -> ok(http, api.base() + "/api/v1/me", "Authorization", "Bearer " + token));
            List<LoadDriver.Result> results = new ArrayList<>();
            for (String path : PUBLIC) {
                results.add(LoadDriver.run(
                        "GET " + path, users, WARM_UP, seconds, (w, i) -> ok(http, api.base() + path, "Cookie", "")));
            }
            for (String path : SIGNED_IN) {
                results.add(LoadDriver.run(
                        "GET " + path + " (signed in)",
                        users,
                        WARM_UP,
                        seconds,
                        (w, i) -> ok(http, api.base() + path, "Cookie", session)));
            }
            System.out.println(floor);
            for (LoadDriver.Result result : results) {
                System.out.printf(
                        "%s%n%48s p50 %.2f× the floor's, p99 %.2f× the floor's (%s)%n",
                        result,
                        "",
                        (double) result.p50Micros() / floor.p50Micros(),
                        (double) result.p99Micros() / floor.p99Micros(),
                        result.p99Micros() < 50_000 ? "p99 under 50 ms" : "p99 OVER 50 ms");
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, int users) {
        return SpringApplication.run(
                TechmarketApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=" + (users + 4),
                "--techmarket.demo.enabled=true",
                "--techmarket.admin-token=" + BenchMarket.ADMIN,
                "--techmarket.security.bcrypt-strength=4",
                "--techmarket.data-dir=target/page-benchmark",
                "--techmarket.rate-limit.token.writes=0",
                "--techmarket.rate-limit.address.writes=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    private static boolean ok(HttpClient http, String url, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/json")
                .timeout(Duration.ofSeconds(30));
        if (!value.isEmpty()) {
            request.header(header, value);
        }
        HttpResponse<Void> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }
}
