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
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.techmarket.TechmarketApplication;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.GcPauses;
import org.techmarket.bench.LoadDriver;
import org.techmarket.bench.RequestCost;
import org.techmarket.listing.bench.DatabaseWatch;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;

/**
 * How fast the web market's pages render. The market runs with the demo data on its own embedded PostgreSQL; the
 * benchmark adds a seller with a licence sold at a fixed price and signed by both sides (so the seller's workspace and
 * account and the buyer's deal room have something to show), and an operator and a regulator. Every page, as a
 * stranger ({@link #PUBLIC}, plus the pages of one demo asset, listing, need and challenge) and signed in through the
 * log-in form (workspace, account, deal room, operator's and regulator's desks), and three of the API's reads
 * ({@link #apiReads}), is first requested round the list
 * with the floor's request for a warm-up, and then in further rounds of 5 s until every page has been requested 200
 * times and the optimising compiler compiles fewer than 10 methods in a round (at most 3 minutes more), so that every
 * page is compiled before any is measured; then each is requested by 8 concurrent users for a few seconds, and its
 * p50 and p99 are set against those of {@code GET /api/v1/me} (a bearer token, the smallest authenticated read),
 * measured in the same run before and after the pages. Beside the latencies it prints the CPU time each request cost
 * the market's request threads and its PostgreSQL ({@link RequestCost}), which a machine busy with other work changes
 * far less than it changes latencies, and the collector's pauses in each page's window ({@link GcPauses}: how many,
 * their sum, the longest), since one pause delays every request in flight. It starts by printing the collector and heap
 * settings it runs with (the JVM's defaults unless given, as for {@code ./techmarket}; ADR 0090). Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.web.bench.PageBenchmark [seconds] [users] [warm-up seconds]
 * </pre>
 *
 * {@code -Dpages=<regular expression>} measures (and warms up) only the pages whose name it finds, e.g.
 * {@code -Dpages='GET /(\?|search|needs/)'}; the floor is measured in every run. With {@code -Dbench.statements=true}
 * the PostgreSQL loads {@code pg_stat_statements} and each page's window prints what its database did per request
 * and its costliest statements ({@link DatabaseWatch}). Requests are asked as a browser asks them, so the market
 * answers a page asked again with what it kept a moment ago while nothing has changed ({@code ResponseCache}); with
 * {@code -Dbench.fresh=true} every request, the floor's too, carries {@code Cache-Control: no-cache} and is rendered
 * anew, which measures what reading and rendering each page costs.
 */
public final class PageBenchmark {

    /** Whether every request asks for a fresh answer ({@code -Dbench.fresh=true}). */
    private static final boolean FRESH = Boolean.getBoolean("bench.fresh");

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

    private static final String PASSWORD = "benchmark password";
    private static final double WARM_UP = 1;
    /** Seconds of each warm-up round after the first warm-up; fewer C2 compilations in a round mean settled. */
    private static final double SETTLE_ROUND = 5;

    private static final int SETTLED = 10;
    private static final int MIN_REQUESTS = 200;
    private static final int MAX_ROUNDS = 36;

    /** Every pause of the collector, counted from the start; each measured page reports those in its window. */
    private static final GcPauses GC = GcPauses.counting();

    /** The database's statements per page, with {@code -Dbench.statements=true}; otherwise none. */
    private static DatabaseWatch watching;

    /**
     * A page and the header it is asked with: a session cookie, a bearer token (an endpoint of the API), or none (a
     * stranger).
     */
    record Page(String name, String path, String header, String value) {

        Page(String name, String path, String cookie) {
            this(name, path, "Cookie", cookie);
        }

        static Page api(String name, String path, String token) {
            return new Page(name, path, "Authorization", "Bearer " + token);
        }
    }

    private PageBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double warmUp = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        System.out.println(GcPauses.settings());
        Path data = Files.createTempDirectory("page-benchmark");
        // the market's own files (its search index) start afresh with its database, as a new market's would
        Path files = Files.createTempDirectory("page-benchmark-market");
        boolean watchStatements = Boolean.getBoolean("bench.statements");
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100");
        if (watchStatements) {
            DatabaseWatch.loadStatementsInto(database);
        }
        try (EmbeddedPostgres postgres = database.start();
                ConfigurableApplicationContext market =
                        start(postgres.getJdbcUrl("postgres", "postgres"), users, files);
                DatabaseWatch watch =
                        watchStatements ? new DatabaseWatch(postgres.getJdbcUrl("postgres", "postgres"), true) : null) {
            watching = watch;
            awaitDemoTrading(market);
            Api api = BenchMarket.api(market);
            String token = session(api, member(api, "pages", false)).token;
            List<Page> pages = pages(api, token);
            java.util.regex.Pattern chosen = java.util.regex.Pattern.compile(System.getProperty("pages", ""));
            pages.removeIf(page -> !chosen.matcher(page.name()).find());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            // The floor's own request joins the round, so that it is compiled before it is measured too.
            List<Page> round = new ArrayList<>(pages);
            round.add(new Page("GET /api/v1/me", "/api/v1/me", ""));
            LoadDriver.Operation everyPage = (w, i) -> {
                Page page = round.get((int) ((w * 7L + i) % round.size()));
                return page.value().isEmpty() && page.path().startsWith("/api/")
                        ? ok(http, api.base() + page.path(), "Authorization", "Bearer " + token)
                        : ok(http, api.base() + page.path(), page.header(), page.value());
            };
            warmUp(users, warmUp, round.size(), everyPage);
            Map<String, RequestCost> costs = new java.util.HashMap<>();
            Map<String, String> pauses = new java.util.HashMap<>();
            LoadDriver.Result floor = floor(http, api, token, users, seconds, "before", data, costs, pauses);
            List<LoadDriver.Result> results = new ArrayList<>();
            for (Page page : pages) {
                results.add(measured(
                        data,
                        costs,
                        pauses,
                        page.name(),
                        users,
                        seconds,
                        (w, i) -> ok(http, api.base() + page.path(), page.header(), page.value())));
            }
            LoadDriver.Result after = floor(http, api, token, users, seconds, "after", data, costs, pauses);
            // The pages are set against the faster of the two floors: right after the warm-up the JIT may still be
            // compiling the floor's own path, and a slow floor would flatter every page.
            LoadDriver.Result best = after.perSecond() > floor.perSecond() ? after : floor;
            System.out.printf(
                    "%nPages against GET /api/v1/me (%d cores, %d users, %.0f s each after a %.0f s warm-up)%n",
                    Runtime.getRuntime().availableProcessors(), users, seconds, warmUp);
            System.out.println(
                    FRESH
                            ? "every request rendered anew (Cache-Control: no-cache)"
                            : "requests as a browser asks them (a page asked again may be sent as kept)");
            System.out.println(GcPauses.settings());
            System.out.println(floor + " " + costs.get(floor.name()).per("request") + ", " + pauses.get(floor.name()));
            System.out.println(after + " " + costs.get(after.name()).per("request") + ", " + pauses.get(after.name()));
            RequestCost floorCost = costs.get(best.name());
            int over = 0;
            for (LoadDriver.Result result : results) {
                boolean fast = result.p99Micros() < 50_000;
                over += fast ? 0 : 1;
                RequestCost cost = costs.get(result.name());
                System.out.printf(
                        "%s%n%48s %.2f× the floor's rate, p50 %.2f× the floor's, p99 %.2f× (%s)%n%48s %s, %.1f× the floor's%n%48s %s%n",
                        result,
                        "",
                        result.perSecond() / best.perSecond(),
                        (double) result.p50Micros() / best.p50Micros(),
                        (double) result.p99Micros() / best.p99Micros(),
                        fast ? "p99 under 50 ms" : "p99 OVER 50 ms",
                        "",
                        cost.per("request"),
                        cost.totalMillis() / floorCost.totalMillis(),
                        "",
                        pauses.get(result.name()));
            }
            System.out.printf("%d of %d pages under 50 ms at p99%n", results.size() - over, results.size());
        } finally {
            FileSystemUtils.deleteRecursively(files);
        }
    }

    /**
     * Requests every page in turn for {@code seconds}, then in rounds of {@link #SETTLE_ROUND} seconds until a round
     * sees fewer than {@link #SETTLED} methods compiled by the optimising compiler (C2) after every page has been
     * requested {@link #MIN_REQUESTS} times, at most {@link #MAX_ROUNDS} rounds, so that what the pages measure is the compiled code and not the compilers working beside it. Compilations
     * are counted, not timed: on a busy machine a compilation's time is mostly waiting for a core. Prints each round.
     */
    private static void warmUp(int users, double seconds, int pages, LoadDriver.Operation everyPage)
            throws InterruptedException {
        AtomicInteger optimised = new AtomicInteger();
        try (RecordingStream compilations = new RecordingStream()) {
            compilations.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            compilations.onEvent("jdk.Compilation", event -> {
                if (event.getInt("compileLevel") == 4) {
                    optimised.incrementAndGet();
                }
            });
            compilations.startAsync();
            LoadDriver.Result first = LoadDriver.run("warm-up, every page in turn", users, 0, seconds, everyPage);
            System.out.println(first);
            long served = first.succeeded();
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                int before = optimised.get();
                LoadDriver.Result result = LoadDriver.run("warm-up round " + round, users, 0, SETTLE_ROUND, everyPage);
                // JFR hands its events over about once a second: wait for this round's last ones.
                Thread.sleep(1_500);
                int compiled = optimised.get() - before;
                served += result.succeeded();
                System.out.println(result);
                System.out.printf(
                        "%48s %d methods compiled by C2 in the round, %d requests per page so far%n",
                        "", compiled, served / pages);
                // A machine too busy to serve the pages also compiles little: a quiet round counts only once every
                // page has been asked often enough for its methods to reach C2.
                if (compiled < SETTLED && served >= (long) MIN_REQUESTS * pages) {
                    System.out.printf("compilation settled after %d more round(s)%n", round);
                    return;
                }
            }
        }
        System.out.printf("compilation still busy after %d more rounds; measuring anyway%n", MAX_ROUNDS);
    }

    private static LoadDriver.Result floor(
            HttpClient http,
            Api api,
            String token,
            int users,
            double seconds,
            String when,
            Path data,
            Map<String, RequestCost> costs,
            Map<String, String> pauses)
            throws Exception {
        return measured(
                data,
                costs,
                pauses,
                "GET /api/v1/me (floor, " + when + ")",
                users,
                seconds,
                (w, i) -> ok(http, api.base() + "/api/v1/me", "Authorization", "Bearer " + token));
    }

    /**
     * Runs the load and records what its requests (warm-up included) cost on average, and the collector's pauses
     * meanwhile.
     */
    private static LoadDriver.Result measured(
            Path data,
            Map<String, RequestCost> costs,
            Map<String, String> pauses,
            String name,
            int users,
            double seconds,
            LoadDriver.Operation operation)
            throws InterruptedException, java.sql.SQLException {
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        if (watching != null) {
            watching.begin();
        }
        RequestCost.Mark mark = RequestCost.mark("http-nio", data);
        GcPauses.Mark collections = GC.mark();
        LoadDriver.Result result = LoadDriver.run(name, users, WARM_UP, seconds, (w, i) -> {
            requests.incrementAndGet();
            return operation.run(w, i);
        });
        costs.put(name, mark.per(requests.get()));
        pauses.put(name, GC.since(collections));
        if (watching != null) {
            watching.end(name, requests.get());
        }
        return result;
    }

    /**
     * Every page to measure: the public ones, one demo asset's, listing's, need's and challenge's, and the signed-in
     * desks of a seller who sold a licence, its buyer, an operator and a regulator.
     */
    private static List<Page> pages(Api api, String token) throws Exception {
        List<Page> pages = new ArrayList<>();
        PUBLIC.forEach(path -> pages.add(new Page("GET " + path, path, "")));
        for (String kind : List.of("assets", "listings", "needs", "challenges")) {
            String id = BenchMarket.expect(api.get("/api/v1/" + kind + "?limit=1", token), 200)
                    .json()
                    .path("items")
                    .get(0)
                    .path("id")
                    .asString();
            pages.add(new Page("GET /" + kind + "/{id}", "/" + kind + "/" + id, ""));
        }
        Session seller = session(api, member(api, "seller", true));
        Session buyer = session(api, member(api, "buyer", true));
        BenchMarket.expect(
                api.post(
                        "/api/v1/ledger/cash-ins",
                        BenchMarket.ADMIN,
                        Map.of(
                                "organizationId",
                                BenchMarket.expect(api.get("/api/v1/me", buyer.token), 200)
                                        .text("organizationId"),
                                "amount",
                                Map.of("amount", "100000.00", "currency", "CNY"),
                                "bankReference",
                                Fixtures.unique("bank"))),
                201);
        String listing = BenchMarket.fixedPriceLicence(api, seller.token, BenchMarket.patent(api, seller.token));
        BenchMarket.expect(api.post("/api/v1/listings/" + listing + "/purchase", buyer.token, Map.of()), 201);
        String deal = BenchMarket.awaitDeal(api, buyer.token, listing);
        BenchMarket.expect(api.post("/api/v1/deals/" + deal + "/signatures", seller.token, Map.of()), 201);
        BenchMarket.expect(api.post("/api/v1/deals/" + deal + "/signatures", buyer.token, Map.of()), 201);
        pages.add(new Page("GET /search?q=battery (signed in, saved searches)", "/search?q=battery", seller.cookie));
        pages.add(new Page("GET /workspace (seller)", "/workspace", seller.cookie));
        pages.add(new Page("GET /workspace/account (seller)", "/workspace/account", seller.cookie));
        pages.add(new Page("GET /workspace/keys (seller)", "/workspace/keys", seller.cookie));
        pages.add(new Page("GET /deals/{id} (buyer)", "/deals/" + deal, buyer.cookie));
        pages.add(new Page("GET /listings/{id} (buyer)", "/listings/" + listing, buyer.cookie));
        apiReads(api, seller.token, buyer.token, pages);
        pages.add(new Page("GET /operator", "/operator", session(api, staff(api, "OPERATOR")).cookie));
        pages.add(new Page("GET /regulator", "/regulator", session(api, staff(api, "REGULATOR")).cookie));
        return pages;
    }

    /**
     * The API's reads that ran slowest against the floor: a demo owner's page of 20 assets, and the grants of an asset
     * on which the seller licensed three times (the list, one grant), read by the seller.
     */
    private static void apiReads(Api api, String sellerToken, String buyerToken, List<Page> pages) {
        String owner = BenchMarket.expect(api.get("/api/v1/assets?limit=1", sellerToken), 200)
                .json()
                .path("items")
                .get(0)
                .path("owners")
                .get(0)
                .path("organizationId")
                .asString();
        String buyer =
                BenchMarket.expect(api.get("/api/v1/me", buyerToken), 200).text("organizationId");
        String asset = BenchMarket.patent(api, sellerToken);
        String grant = "";
        for (int i = 0; i < 3; i++) {
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            grant = BenchMarket.expect(
                            api.post(
                                    "/api/v1/assets/" + asset + "/grants",
                                    sellerToken,
                                    Map.of(
                                            "type",
                                            "NON_EXCLUSIVE_LICENCE",
                                            "granteeId",
                                            buyer,
                                            "scope",
                                            Map.of(
                                                    "fields",
                                                    List.of("G06N"),
                                                    "territories",
                                                    List.of("CN"),
                                                    "start",
                                                    today.toString(),
                                                    "end",
                                                    today.plusYears(2).toString()))),
                            201)
                    .text("id");
        }
        pages.add(
                Page.api("GET /api/v1/assets?owner=…&limit=20", "/api/v1/assets?limit=20&owner=" + owner, sellerToken));
        pages.add(Page.api("GET /api/v1/assets/{id}/grants", "/api/v1/assets/" + asset + "/grants", sellerToken));
        pages.add(Page.api("GET /api/v1/grants/{id}", "/api/v1/grants/" + grant, sellerToken));
    }

    /** A newly registered organization's admin, verified or not; the username. */
    private static String member(Api api, String prefix, boolean verified) {
        String username = Fixtures.unique(prefix);
        String org = BenchMarket.registered(api, username, PASSWORD);
        if (verified) {
            BenchMarket.expect(
                    api.post("/api/v1/organizations/" + org + "/verification", BenchMarket.ADMIN, Map.of()), 200);
        }
        return username;
    }

    /** A new member of the market's staff in {@code role}; the username. */
    private static String staff(Api api, String role) {
        String username = Fixtures.unique(role.toLowerCase(java.util.Locale.ROOT));
        BenchMarket.expect(
                api.post(
                        "/api/v1/staff",
                        BenchMarket.ADMIN,
                        Map.of("username", username, "password", PASSWORD, "displayName", role, "role", role)),
                201);
        return username;
    }

    /** A user signed in both ways: a bearer token and a page session. */
    private record Session(String token, String cookie) {}

    private static Session session(Api api, String username) {
        String token = BenchMarket.expect(
                        api.post("/api/v1/tokens", null, Map.of("username", username, "password", PASSWORD)), 201)
                .text("token");
        PageClient browser = new PageClient(api.base());
        browser.logIn(username, PASSWORD);
        // The first page after log-in gives the session its CSRF token in a cookie, which a browser then sends with
        // every page; without it each page would mint a token anew (and could never be answered as kept).
        browser.get("/");
        return new Session(
                token,
                "JSESSIONID=" + browser.cookie("JSESSIONID").orElseThrow() + "; XSRF-TOKEN="
                        + browser.cookie("XSRF-TOKEN").orElseThrow());
    }

    /** The demo trades once the market is ready; the pages of its listings, needs and challenge wait for it. */
    private static void awaitDemoTrading(ConfigurableApplicationContext market) throws InterruptedException {
        HealthIndicator demo = market.getBean("demoHealthIndicator", HealthIndicator.class);
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while ("in progress".equals(demo.health().getDetails().get("trading"))) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the demo is still trading after five minutes");
            }
            Thread.sleep(100);
        }
    }

    private static ConfigurableApplicationContext start(String url, int users, Path files) {
        return SpringApplication.run(
                TechmarketApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=" + (users + 4),
                "--techmarket.demo.enabled=true",
                "--techmarket.admin-token=" + BenchMarket.ADMIN,
                "--techmarket.security.bcrypt-strength=4",
                "--techmarket.data-dir=" + files,
                "--techmarket.rate-limit.token.writes=0",
                "--techmarket.rate-limit.address.writes=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    private static boolean ok(HttpClient http, String url, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/json")
                .timeout(Duration.ofSeconds(30));
        if (FRESH) {
            request.header("Cache-Control", "no-cache");
        }
        if (!value.isEmpty()) {
            request.header(header, value);
        }
        HttpResponse<Void> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200;
    }
}
