package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/** Brokers and their clients' mandates for the broker tests, made through the HTTP API. */
final class BrokerKit {

    private final Api api;
    private final Fixtures fixtures;

    BrokerKit(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A mandate body: the scope, the actions and a commission of {@code basisPoints} with a minimum, for 30 days. */
    static Map<String, Object> mandate(
            String brokerId, Map<String, Object> scope, List<String> actions, int basisPoints, String minimumYuan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brokerId", brokerId);
        body.put("scope", scope);
        body.put("actions", actions);
        body.put(
                "commission",
                Map.of("basisPoints", basisPoints, "minimum", Map.of("amount", minimumYuan, "currency", "CNY")));
        body.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        return body;
    }

    static Map<String, Object> assets(String... ids) {
        return Map.of("assetIds", List.of(ids));
    }

    static Map<String, Object> all() {
        return Map.of("all", true);
    }

    /** The client's admin proposes the mandate; returns its id. */
    String propose(Fixtures.Org client, Map<String, Object> body) {
        Api.Response proposed = api.post("/api/v1/mandates", client.token(), body);
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.text("status")).isEqualTo("PROPOSED");
        return proposed.text("id");
    }

    /** The client's admin proposes and confirms the mandate; returns its id. */
    String mandate(Fixtures.Org client, Map<String, Object> body) {
        String id = propose(client, body);
        Api.Response confirmed = api.post("/api/v1/mandates/" + id + "/confirmation", client.token(), Map.of());
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        return id;
    }

    Api.Response revoke(Fixtures.Org client, String mandateId) {
        return api.post("/api/v1/mandates/" + mandateId + "/revocation", client.token(), Map.of());
    }

    /** A verified technology broker firm. */
    Fixtures.Org broker() {
        return fixtures.verifiedOrg("BROKER");
    }

    /** The API as the broker's user acting for {@code client}. */
    Api actingFor(Fixtures.Org client) {
        return api.onBehalfOf(client.id());
    }
}
