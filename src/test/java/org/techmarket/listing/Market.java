package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Sellers, bidders, assets, money and listings for the listing tests, made through the HTTP API. */
public final class Market {

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private final Api api;
    private final Fixtures fixtures;

    public Market(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    public static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A verified organization owning one freshly registered granted patent; returns the org and the asset id. */
    public record Seller(Org org, String assetId) {}

    public Seller seller() {
        Org org = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response asset =
                fixtures.registerAsset(org, Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        return new Seller(org, asset.text("id"));
    }

    /** A verified bidder with {@code yuan} cashed in. */
    public Org bidder(String yuan) {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        fund(org, yuan);
        return org;
    }

    public void fund(Org org, String yuan) {
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                IntegrationTest.ADMIN_TOKEN,
                Map.of("organizationId", org.id(), "amount", cny(yuan), "bankReference", Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
    }

    public static Map<String, Object> english(
            String start, String step, String deposit, Instant startsAt, Instant endsAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "ENGLISH");
        m.put("startPrice", cny(start));
        m.put("increment", cny(step));
        m.put("deposit", cny(deposit));
        m.put("startsAt", startsAt.toString());
        m.put("endsAt", endsAt.toString());
        return m;
    }

    public static Map<String, Object> mechanism(
            String type, String start, String deposit, Instant startsAt, Instant endsAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("startPrice", cny(start));
        m.put("deposit", cny(deposit));
        m.put("startsAt", startsAt.toString());
        m.put("endsAt", endsAt.toString());
        return m;
    }

    /** A sealed first-price sale open from now for an hour, from 1,000.00 without a deposit. */
    public static Map<String, Object> sealedFirstPrice() {
        return mechanism("SEALED_FIRST_PRICE", "1000.00", "0.00", now(), now().plus(Duration.ofHours(1)));
    }

    /** A negotiation open from now for an hour, asking 2,000.00 without a deposit. */
    public static Map<String, Object> negotiation() {
        return mechanism("NEGOTIATION", "2000.00", "0.00", now(), now().plus(Duration.ofHours(1)));
    }

    /** A buyer's offer of {@code yuan} in one sum due in 30 days, open for half an hour. */
    public static Map<String, Object> lumpSumOffer(String yuan) {
        return Map.of(
                "price",
                cny(yuan),
                "paymentTerms",
                Map.of(
                        "kind",
                        "LUMP_SUM",
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()),
                "deadline",
                now().plus(Duration.ofMinutes(30)).toString());
    }

    public static Map<String, Object> listing(
            String assetId, Map<String, Object> offer, Map<String, Object> mechanism) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(assetId));
        body.put("offer", offer);
        body.put("mechanism", mechanism);
        body.put("title", "Sparse-sensor training method");
        body.put("description", "A granted invention patent with a working prototype.");
        return body;
    }

    public static Map<String, Object> assignment() {
        return Map.of("type", "ASSIGNMENT");
    }

    public static Map<String, Object> exclusiveLicence(String territory) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String end =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(3).toString();
        return Map.of(
                "type",
                "LICENCE",
                "licence",
                Map.of(
                        "type",
                        "EXCLUSIVE",
                        "scope",
                        Map.of("fields", List.of("*"), "territories", List.of(territory), "start", today, "end", end)));
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Drafts a listing and returns the response. */
    public Api.Response draft(Seller seller, Map<String, Object> offer, Map<String, Object> mechanism) {
        return api.post("/api/v1/listings", seller.org().token(), listing(seller.assetId(), offer, mechanism));
    }

    /** Drafts, submits and approves: the listing is then OPEN if its start has come, else PUBLISHED. */
    public String publish(Seller seller, Map<String, Object> offer, Map<String, Object> mechanism) {
        Api.Response draft = draft(seller, offer, mechanism);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted =
                api.post("/api/v1/listings/" + id + "/submission", seller.org().token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** The buyer's offer of {@code offered} yuan on a negotiation and the seller's counter of {@code countered}: its id. */
    public String counteredOffer(Org buyer, Seller seller, String listingId, String offered, String countered) {
        Api.Response offer =
                api.post("/api/v1/listings/" + listingId + "/offers", buyer.token(), lumpSumOffer(offered));
        assertThat(offer.status()).as(offer.text()).isEqualTo(201);
        Api.Response counter = api.post(
                "/api/v1/offers/" + offer.text("id") + "/counter", seller.org().token(), lumpSumOffer(countered));
        assertThat(counter.status()).as(counter.text()).isEqualTo(201);
        return counter.text("id");
    }

    public Api.Response bid(Org bidder, String listingId, String amount) {
        return api.post("/api/v1/listings/" + listingId + "/bids", bidder.token(), Map.of("amount", cny(amount)));
    }

    /** A POST with an Idempotency-Key header. */
    public Api.Response postWithKey(String path, String token, String key, Object body) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.body(body)))
                    .build();
            java.net.http.HttpResponse<String> response =
                    HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(
                    response.statusCode(),
                    response.headers().map(),
                    response.body(),
                    Api.JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Api.Response get(String listingId, String token) {
        return api.get("/api/v1/listings/" + listingId, token);
    }

    /** An organization's CNY balances: [available, held] as decimal strings. */
    public String[] balances(Org org) {
        return fixtures.balances(org);
    }

    public boolean ledgerBalanced() {
        Api.Response check = api.get("/api/v1/ledger/balance-check", IntegrationTest.ADMIN_TOKEN);
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        return check.json().path("balanced").asBoolean();
    }
}
