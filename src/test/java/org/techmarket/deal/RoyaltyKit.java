package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Running-royalty deals for tests: an owner declares a percent-of-revenue open licence, a funded company takes it
 * on a day long past (the clock moved back), and the deal is signed, funded, delivered and accepted today.
 */
final class RoyaltyKit {

    /** A completed royalty deal: the licensor, the licensee (tokens issued today) and the deal. */
    record RoyaltyDeal(Fixtures.Org owner, Fixtures.Org licensee, String dealId) {
        String reports() {
            return "/api/v1/deals/" + dealId + "/royalty-reports";
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Api api;
    private final Fixtures fixtures;
    private final DealKit deals;
    private final MovableClock clock;

    RoyaltyKit(Api api, Fixtures fixtures, DealKit deals, MovableClock clock) {
        this.api = api;
        this.fixtures = fixtures;
        this.deals = deals;
        this.clock = clock;
    }

    /** A licence on {@code percent} of revenue, at least {@code minimumPerYear}, taken {@code daysAgo} days ago. */
    RoyaltyDeal completed(String percent, String minimumPerYear, int termMonths, int daysAgo, String licenseeCash) {
        Fixtures.Org owner;
        Fixtures.Org licensee;
        String dealId;
        clock.shift(Duration.ofDays(-daysAgo));
        try {
            owner = fixtures.verifiedOrg("UNIVERSITY");
            String patent = deals.patent(owner);
            Api.Response declared = api.put(
                    "/api/v1/assets/" + patent + "/open-licence",
                    owner.token(),
                    Map.of(
                            "royalty",
                            Map.of(
                                    "type",
                                    "PERCENT_OF_REVENUE",
                                    "percent",
                                    percent,
                                    "minimumPerYear",
                                    Map.of("amount", minimumPerYear, "currency", "CNY")),
                            "termMonths",
                            termMonths),
                    null);
            assertThat(declared.status()).as(declared.text()).isEqualTo(201);
            licensee = deals.fundedBuyer(licenseeCash);
            Api.Response taken =
                    api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of());
            assertThat(taken.status()).as(taken.text()).isEqualTo(201);
            JsonNode opened = deals.awaitDeals(licensee, "buyer", 1);
            assertThat(opened.size()).isEqualTo(1);
            dealId = opened.get(0).path("id").asString();
        } finally {
            clock.shift(Duration.ZERO);
        }
        owner = relogged(owner);
        licensee = relogged(licensee);
        String path = "/api/v1/deals/" + dealId;
        assertThat(api.post(path + "/signatures", owner.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(path + "/signatures", licensee.token(), Map.of()).status())
                .isEqualTo(201);
        Api.Response funded = api.post(path + "/funding", licensee.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        assertThat(api.post(
                                path + "/delivery",
                                owner.token(),
                                Map.of(
                                        "documents",
                                        List.of(Map.of(
                                                "sha256", "ab".repeat(32), "description", "Licence certificate"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", licensee.token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("COMPLETED");
        return new RoyaltyDeal(owner, licensee, dealId);
    }

    Api.Response report(RoyaltyDeal deal, Fixtures.Org by, int period, String revenue) {
        return api.post(
                deal.reports(),
                by.token(),
                Map.of("period", period, "revenue", Map.of("amount", revenue, "currency", "CNY")));
    }

    /** The licensee's report sent with an {@code Idempotency-Key}. */
    Api.Response reportWithKey(RoyaltyDeal deal, int period, String revenue, String key) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + deal.reports()))
                    .header("Authorization", "Bearer " + deal.licensee().token())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(Api.body(
                            Map.of("period", period, "revenue", Map.of("amount", revenue, "currency", "CNY")))))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(),
                    response.headers().map(),
                    response.body(),
                    Api.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Tokens issued while the clock stood in the past have expired by today.
    private Fixtures.Org relogged(Fixtures.Org org) {
        return new Fixtures.Org(
                org.id(),
                org.adminId(),
                org.username(),
                org.password(),
                fixtures.logIn(org.username(), org.password()));
    }
}
