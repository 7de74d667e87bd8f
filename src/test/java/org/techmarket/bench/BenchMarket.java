package org.techmarket.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.techmarket.TechmarketApplication;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/** The market as the HTTP benchmarks start and populate it: the whole application, and verified participants. */
public final class BenchMarket {

    /** The operator token the benchmarks start the market with. */
    public static final String ADMIN = "tm_benchmark-operator-token-0123456789";

    private BenchMarket() {}

    /**
     * The whole market on {@code url} at a random port, demo off, quiet, with {@code pool} connections, and the
     * {@link WriteFloor} endpoint the benchmarks measure their writes against.
     */
    public static ConfigurableApplicationContext start(String url, int pool) {
        return new SpringApplicationBuilder(TechmarketApplication.class)
                .profiles(WriteFloor.PROFILE)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=" + pool,
                        "--techmarket.demo.enabled=false",
                        "--techmarket.admin-token=" + ADMIN,
                        "--techmarket.security.bcrypt-strength=4",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
    }

    public static Api api(ConfigurableApplicationContext market) {
        return new Api("http://localhost:" + market.getEnvironment().getProperty("local.server.port"));
    }

    /** A verified organization's admin token. */
    public static String verifiedOrganization(Api api) {
        String username = Fixtures.unique("bench");
        expect(
                api.post(
                        "/api/v1/organizations/" + registered(api, username, "benchmark password") + "/verification",
                        ADMIN,
                        Map.of()),
                200);
        return expect(
                        api.post(
                                "/api/v1/tokens", null, Map.of("username", username, "password", "benchmark password")),
                        201)
                .text("token");
    }

    /** A newly registered (not yet verified) enterprise whose admin is {@code username}; its id. */
    public static String registered(Api api, String username, String password) {
        return expect(
                        api.post(
                                "/api/v1/registrations",
                                null,
                                Fixtures.registration(
                                        Fixtures.unique("Benchmark"),
                                        "ENTERPRISE",
                                        Fixtures.uniqueCreditCode(),
                                        "440300",
                                        username,
                                        password)),
                        201)
                .text("organizationId");
    }

    /** A verified organization with {@code yuan} cashed in; its admin token. */
    public static String fundedOrganization(Api api, String yuan) {
        String token = verifiedOrganization(api);
        String org = expect(api.get("/api/v1/me", token), 200).text("organizationId");
        expect(
                api.post(
                        "/api/v1/ledger/cash-ins",
                        ADMIN,
                        Map.of(
                                "organizationId",
                                org,
                                "amount",
                                Map.of("amount", yuan, "currency", "CNY"),
                                "bankReference",
                                Fixtures.unique("bank"))),
                201);
        return token;
    }

    /** A granted patent registered by the organization of {@code ownerToken}; its id. */
    public static String patent(Api api, String ownerToken) {
        String org = expect(api.get("/api/v1/me", ownerToken), 200).text("organizationId");
        return expect(
                        api.post(
                                "/api/v1/assets",
                                ownerToken,
                                Fixtures.patentAsset(org, Fixtures.uniqueCnPatentNumber())),
                        201)
                .text("id");
    }

    /** Drafts an assignment of {@code asset} sold by {@code mechanism}, submits it and has the operator approve it. */
    public static String publish(
            Api api, String sellerToken, String asset, java.util.Map<String, Object> mechanism, String title) {
        String id = expect(
                        api.post(
                                "/api/v1/listings",
                                sellerToken,
                                java.util.Map.of(
                                        "assetIds",
                                        java.util.List.of(asset),
                                        "offer",
                                        java.util.Map.of("type", "ASSIGNMENT"),
                                        "mechanism",
                                        mechanism,
                                        "title",
                                        title,
                                        "description",
                                        "")),
                        201)
                .text("id");
        expect(api.post("/api/v1/listings/" + id + "/submission", sellerToken, java.util.Map.of()), 200);
        expect(api.post("/api/v1/listings/" + id + "/approval", ADMIN, java.util.Map.of()), 200);
        return id;
    }

    /** An amount of yuan in fen as the API's money object. */
    public static java.util.Map<String, String> money(long fen) {
        return java.util.Map.of("amount", String.format("%d.%02d", fen / 100, fen % 100), "currency", "CNY");
    }

    /** The response, or an exception saying what came instead of {@code status}. */
    public static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }

    /**
     * A non-exclusive licence of {@code asset} for one year in China at a fixed price of 1,000.00, without a deposit,
     * open for six hours, drafted, submitted and approved; its id. Licences of one patent never conflict, so as many
     * as wanted can be sold.
     */
    public static String fixedPriceLicence(Api api, String sellerToken, String asset) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", Map.of("amount", "1000.00", "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", "0.00", "currency", "CNY"));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(Duration.ofHours(6)).toString());
        Map<String, Object> offer =
                Map.of("type", "LICENCE", "licence", Map.of("type", "NON_EXCLUSIVE", "scope", Fixtures.yearInChina()));
        String id = BenchMarket.expect(
                        api.post(
                                "/api/v1/listings",
                                sellerToken,
                                Map.of(
                                        "assetIds",
                                        List.of(asset),
                                        "offer",
                                        offer,
                                        "mechanism",
                                        mechanism,
                                        "title",
                                        "Benchmark licence",
                                        "description",
                                        "")),
                        201)
                .text("id");
        BenchMarket.expect(api.post("/api/v1/listings/" + id + "/submission", sellerToken, Map.of()), 200);
        BenchMarket.expect(api.post("/api/v1/listings/" + id + "/approval", ADMIN, Map.of()), 200);
        return id;
    }

    /** The deal the purchase of {@code listingId} opened for the buyer, once it is open. */
    public static String awaitDeal(Api api, String buyerToken, String listingId) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < giveUp) {
            for (var deal : api.get("/api/v1/deals?role=buyer&status=SIGNING&limit=200", buyerToken)
                    .json()
                    .path("items")) {
                if (listingId.equals(deal.path("listingId").asString())) {
                    return deal.path("id").asString();
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no deal opened for listing " + listingId);
    }
}
