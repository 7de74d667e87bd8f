package org.techmarket.notification.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.bench.BenchMarket;
import org.techmarket.bench.LoadDriver;
import org.techmarket.notification.Receiver;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/**
 * Whether webhooks slow the market: accepted bids per second through the HTTP API, spread over open English
 * listings, first with no webhooks (the baseline, measured in the same run), then with every bidder's organization
 * subscribed to {@code listing.outbid} at a receiver that answers at once, then at one that never answers (each
 * attempt runs into the read timeout). Every lead taken files an outbid notice and a delivery. It also prints how many
 * notices were filed and deliveries made per second. Run it with:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.techmarket.notification.bench.WebhookLoadBenchmark [seconds] [workers]
 * </pre>
 *
 * Defaults: 8 measured seconds after 2 of warm-up per phase, 8 workers, 200 listings.
 */
public final class WebhookLoadBenchmark {

    private static final int LISTINGS = 200;
    private static final double WARM_UP = 2;

    private WebhookLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 8;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        // The receivers listen on this machine.
        System.setProperty("techmarket.notification.webhooks.allow-private-addresses", "true");
        Path data = Files.createTempDirectory("webhook-benchmark");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        .start();
                Receiver answering = new Receiver();
                Receiver hanging = new Receiver()) {
            hanging.hang();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext market = BenchMarket.start(url, workers + 6)) {
                Api api = BenchMarket.api(market);
                JdbcClient jdbc = market.getBean(JdbcClient.class);
                List<String> bidders = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    bidders.add(BenchMarket.fundedOrganization(api, "1000000000.00"));
                }
                String seller = BenchMarket.verifiedOrganization(api);
                List<String> listings = new ArrayList<>();
                for (int i = 0; i < LISTINGS; i++) {
                    listings.add(englishListing(api, seller));
                }
                LoadDriver.Operation bids = bids(api, bidders, listings);

                LoadDriver.Result none = LoadDriver.run("bids, no webhooks", workers, WARM_UP, seconds, bids);
                subscribe(api, bidders, answering.url());
                Counts before = Counts.of(jdbc);
                LoadDriver.Result quick = LoadDriver.run("bids, receivers answering", workers, WARM_UP, seconds, bids);
                Counts quickly = Counts.of(jdbc).minus(before);
                unsubscribe(api, bidders);
                subscribe(api, bidders, hanging.url());
                LoadDriver.Result stuck = LoadDriver.run("bids, receivers hanging", workers, WARM_UP, seconds, bids);

                System.out.printf(
                        "%nAccepted bids per second through HTTP with and without outbid webhooks"
                                + " (%d cores, %d workers, %.0f s each after %.0f s warm-up, %d listings)%n",
                        Runtime.getRuntime().availableProcessors(), workers, seconds, WARM_UP, LISTINGS);
                for (LoadDriver.Result r : List.of(none, quick, stuck)) {
                    System.out.println(r);
                }
                double window = seconds + WARM_UP;
                System.out.printf(
                        "while answering: %.1f notices filed/s, %.1f deliveries made/s (%d filed, %d delivered)%n",
                        quickly.filed() / window, quickly.delivered() / window, quickly.filed(), quickly.delivered());
                System.out.printf("ratio answering / none = %.3f%n", quick.perSecond() / none.perSecond());
                System.out.printf("ratio hanging / none   = %.3f%n", stuck.perSecond() / none.perSecond());
                hanging.release();
            }
        }
    }

    /** Notices filed and deliveries made so far. */
    private record Counts(long filed, long delivered) {
        static Counts of(JdbcClient jdbc) {
            return new Counts(
                    jdbc.sql("select count(*) from notification")
                            .query(Long.class)
                            .single(),
                    jdbc.sql("select count(*) from webhook_delivery where status = 'DELIVERED'")
                            .query(Long.class)
                            .single());
        }

        Counts minus(Counts earlier) {
            return new Counts(filed - earlier.filed, delivered - earlier.delivered);
        }
    }

    private static void subscribe(Api api, List<String> tokens, String url) {
        for (String token : tokens) {
            BenchMarket.expect(
                    api.post("/api/v1/webhooks", token, Map.of("url", url, "events", List.of("listing.outbid"))), 201);
        }
    }

    private static void unsubscribe(Api api, List<String> tokens) {
        for (String token : tokens) {
            for (var hook :
                    BenchMarket.expect(api.get("/api/v1/webhooks", token), 200).json()) {
                BenchMarket.expect(
                        api.delete("/api/v1/webhooks/" + hook.path("id").asString(), token), 204);
            }
        }
    }

    /** Each worker raises a random listing above the price it last saw there; a 201 counts, a lost race does not. */
    private static LoadDriver.Operation bids(Api api, List<String> tokens, List<String> listings) {
        AtomicLongArray seen = new AtomicLongArray(listings.size());
        return (worker, iteration) -> {
            int index = ThreadLocalRandom.current().nextInt(listings.size());
            long amount = Math.max(seen.get(index), 100_00) + 100 * (worker + 1);
            Api.Response answer = api.post(
                    "/api/v1/listings/" + listings.get(index) + "/bids",
                    tokens.get(worker),
                    Map.of("amount", yuan(amount)));
            long learnt = answer.status() == 201
                    ? Math.round(
                            answer.json().path("currentPrice").path("amount").asDouble() * 100)
                    : answer.json().path("minimumBid").asLong(0);
            seen.accumulateAndGet(index, learnt, Math::max);
            return answer.status() == 201;
        };
    }

    private static String englishListing(Api api, String seller) {
        String org = BenchMarket.expect(api.get("/api/v1/me", seller), 200).text("organizationId");
        String asset = BenchMarket.expect(
                        api.post("/api/v1/assets", seller, Fixtures.patentAsset(org, Fixtures.uniqueCnPatentNumber())),
                        201)
                .text("id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = Map.of(
                "type", "ENGLISH",
                "startPrice", yuan(100_00),
                "increment", yuan(1),
                "deposit", yuan(100),
                "startsAt", now.toString(),
                "endsAt", now.plus(Duration.ofHours(2)).toString());
        String id = BenchMarket.expect(
                        api.post(
                                "/api/v1/listings",
                                seller,
                                Map.of(
                                        "assetIds",
                                        List.of(asset),
                                        "offer",
                                        Map.of("type", "ASSIGNMENT"),
                                        "mechanism",
                                        mechanism,
                                        "title",
                                        "Webhook benchmark listing",
                                        "description",
                                        "")),
                        201)
                .text("id");
        BenchMarket.expect(api.post("/api/v1/listings/" + id + "/submission", seller, Map.of()), 200);
        BenchMarket.expect(api.post("/api/v1/listings/" + id + "/approval", BenchMarket.ADMIN, Map.of()), 200);
        return id;
    }

    private static Map<String, String> yuan(long fen) {
        return Map.of("amount", String.format("%d.%02d", fen / 100, fen % 100), "currency", "CNY");
    }
}
