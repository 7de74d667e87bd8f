package org.techmarket.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Venues, their operators and the organizations they verify, made through the HTTP API. */
final class VenueKit {

    private final Api api;
    private final Fixtures fixtures;

    VenueKit(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A venue and a logged-in operator of it. */
    record Venue(String id, String operatorToken) {}

    static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** A fee schedule: a default rate, one rate for English auctions of transfers, bounds and an introducer share. */
    static Map<String, Object> schedule(
            int defaultBp, int englishTransferBp, String minimum, String maximum, int share) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("defaultBasisPoints", defaultBp);
        s.put(
                "rates",
                List.of(Map.of("mechanism", "ENGLISH", "contractType", "TRANSFER", "basisPoints", englishTransferBp)));
        s.put("minimum", cny(minimum));
        s.put("maximum", cny(maximum));
        s.put("introducerShareBasisPoints", share);
        return s;
    }

    static Map<String, Object> rulebook(String title) {
        return Map.of("title", title, "text", "第一条 本规则适用于本交易所的技术交易。\nArticle 1. These rules govern trading.");
    }

    static Map<String, Object> newVenue(String name, String region, Map<String, Object> schedule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("regionCode", region);
        body.put("feeSchedule", schedule);
        body.put("rulebook", rulebook(name + " rulebook"));
        return body;
    }

    Api.Response open(Map<String, Object> venue) {
        return api.post("/api/v1/venues", IntegrationTest.MARKET_ADMIN_TOKEN, venue);
    }

    /** A venue opened in the region with the schedule, and its first operator logged in. */
    Venue venue(String region, Map<String, Object> schedule) {
        Api.Response opened = open(newVenue(Fixtures.unique("Exchange"), region, schedule));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.text("id");
        String username = Fixtures.unique("operator");
        Api.Response added = api.post(
                "/api/v1/venues/" + id + "/operators",
                IntegrationTest.MARKET_ADMIN_TOKEN,
                Map.of("username", username, "password", "venue operator password"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Venue(id, fixtures.logIn(username, "venue operator password"));
    }

    /** Cashes {@code yuan} in to the organization's account, as its venue's operator records a bank transfer. */
    void cashIn(Venue venue, Fixtures.Org org, String yuan) {
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                venue.operatorToken(),
                Map.of("organizationId", org.id(), "amount", cny(yuan), "bankReference", Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
    }

    /** An organization registered once and verified by the venue's operator. */
    Fixtures.Org verifiedBy(Venue venue, String type) {
        Fixtures.Org org = fixtures.registerOrg(type);
        Api.Response verified =
                api.post("/api/v1/organizations/" + org.id() + "/verification", venue.operatorToken(), Map.of());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return org;
    }
}
