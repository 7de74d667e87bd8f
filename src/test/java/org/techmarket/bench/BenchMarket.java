package org.techmarket.bench;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
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
                .initializers((GenericApplicationContext context) -> WriteFloor.register(context))
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

    /** The response, or an exception saying what came instead of {@code status}. */
    public static Api.Response expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "Expected " + status + " but got " + response.status() + ": " + response.text());
        }
        return response;
    }
}
