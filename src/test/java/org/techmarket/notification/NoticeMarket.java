package org.techmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Sellers, bidders and listings for the notification tests, and each organization's inbox, through the HTTP API. */
final class NoticeMarket {

    private final Api api;
    private final Fixtures fixtures;

    NoticeMarket(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    static Map<String, String> yuan(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A verified organization with {@code cash} yuan in its account. */
    Org participant(String type, String cash) {
        Org org = fixtures.verifiedOrg(type);
        if (!cash.equals("0.00")) {
            fixtures.cashIn(org, cash);
        }
        return org;
    }

    /**
     * A listing of a fresh patent of {@code seller}'s, open from now for an hour under {@code mechanism} ({@code
     * ENGLISH}, {@code FIXED_PRICE} or {@code NEGOTIATION}) starting at 1,000.00.
     */
    String openListing(Org seller, String mechanism) {
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("type", mechanism);
        terms.put("startPrice", yuan("1000.00"));
        if (mechanism.equals("ENGLISH")) {
            terms.put("increment", yuan("100.00"));
        }
        terms.put("deposit", yuan(mechanism.equals("NEGOTIATION") ? "0.00" : "100.00"));
        terms.put("startsAt", now.toString());
        terms.put("endsAt", now.plus(Duration.ofHours(1)).toString());
        return fixtures.publishListing(
                seller,
                Map.of(
                        "assetIds",
                        List.of(asset.text("id")),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        terms,
                        "title",
                        "Solid-state electrolyte",
                        "description",
                        "A granted invention patent."));
    }

    Api.Response bid(Org bidder, String listingId, String amount) {
        return api.post("/api/v1/listings/" + listingId + "/bids", bidder.token(), Map.of("amount", yuan(amount)));
    }

    /** A buyer's offer of {@code amount} in one sum, open for half an hour. */
    Api.Response offer(Org buyer, String listingId, String amount) {
        return api.post(
                "/api/v1/listings/" + listingId + "/offers",
                buyer.token(),
                Map.of(
                        "price", yuan(amount),
                        "paymentTerms",
                                Map.of(
                                        "kind",
                                        "LUMP_SUM",
                                        "dueDate",
                                        LocalDate.now(ZoneOffset.UTC)
                                                .plusDays(30)
                                                .toString()),
                        "deadline", Instant.now().plus(Duration.ofMinutes(30)).toString()));
    }

    /** The whole inbox the token's user sees, page after page. */
    List<JsonNode> inbox(String token) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page = api.get("/api/v1/notifications?limit=200&cursor=" + cursor, token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("items").forEach(all::add);
            cursor = page.json().path("nextCursor").isString()
                    ? page.json().path("nextCursor").asString()
                    : "";
        } while (!cursor.isEmpty());
        return all;
    }

    /** The notices of {@code kind} about {@code subjectId} in the token's user's inbox. */
    List<JsonNode> notices(String token, String kind, String subjectId) {
        return inbox(token).stream()
                .filter(n -> n.path("kind").asString().equals(kind))
                .filter(n -> n.path("subject").path("id").asString().equals(subjectId))
                .toList();
    }

    /** Waits until the notice is filed, then returns all notices of its kind about its subject. */
    List<JsonNode> awaitNotices(String token, String kind, String subjectId) {
        Eventually.await(
                kind + " about " + subjectId,
                Duration.ofSeconds(10),
                () -> !notices(token, kind, subjectId).isEmpty());
        return notices(token, kind, subjectId);
    }

    static String admin() {
        return IntegrationTest.ADMIN_TOKEN;
    }
}
