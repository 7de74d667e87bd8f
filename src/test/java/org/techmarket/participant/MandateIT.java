package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * Mandates over HTTP: a client proposes one to a qualified broker, only the client's admin confirms and revokes it,
 * only the two sides (and the market's supervisors) see it, and an operator records an individual's broker
 * qualification. Bad input is refused with a stable code and changes nothing.
 */
class MandateIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static Map<String, Object> body(String brokerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brokerId", brokerId);
        body.put("scope", Map.of("all", true));
        body.put("actions", List.of("LIST", "SIGN"));
        body.put("commission", Map.of("basisPoints", 300, "minimum", Map.of("amount", "500.00", "currency", "CNY")));
        body.put("validUntil", Instant.now().plus(Duration.ofDays(10)).toString());
        return body;
    }

    private long mandatesOf(Org client) {
        return jdbc.sql("select count(*) from mandate where client_id = ?")
                .param(client.id())
                .query(Long.class)
                .single();
    }

    private void refused(Org client, Map<String, Object> body, int status, String code) {
        Api.Response refused = api.post("/api/v1/mandates", client.token(), body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(status);
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aClientsAdminConfirmsAndRevokesAndOnlyTheTwoSidesSeeIt() {
        Org broker = fixtures.verifiedOrg("BROKER");
        Org client = fixtures.verifiedOrg("UNIVERSITY");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response proposed = api.post("/api/v1/mandates", client.token(), body(broker.id()));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String id = proposed.text("id");
        assertThat(proposed.json().path("scope").path("all").asBoolean()).isTrue();
        assertThat(proposed.json()
                        .path("commission")
                        .path("minimum")
                        .path("amount")
                        .asString())
                .isEqualTo("500.00");

        Api.Response byBroker = api.post("/api/v1/mandates/" + id + "/confirmation", broker.token(), Map.of());
        assertThat(byBroker.status())
                .as("the broker does not confirm its own mandate")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/mandates/" + id + "/confirmation", stranger.token(), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/mandates/" + id, stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/mandates/" + id, broker.token()).text("status"))
                .isEqualTo("PROPOSED");
        assertThat(api.get("/api/v1/mandates", broker.token())
                        .json()
                        .path("items")
                        .toString())
                .contains(id);
        assertThat(api.get("/api/v1/mandates", stranger.token())
                        .json()
                        .path("items")
                        .toString())
                .doesNotContain(id);

        assertThat(api.post("/api/v1/mandates/" + id + "/confirmation", client.token(), Map.of())
                        .text("status"))
                .isEqualTo("CONFIRMED");
        Api.Response twice = api.post("/api/v1/mandates/" + id + "/confirmation", client.token(), Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.post("/api/v1/mandates/" + id + "/revocation", client.token(), Map.of())
                        .text("status"))
                .isEqualTo("REVOKED");
        assertThat(jdbc.sql("select type from audit_event where subject = ? order by id")
                        .param("mandate:" + id)
                        .query(String.class)
                        .list())
                .containsExactly("MandateProposed", "MandateConfirmed", "MandateRevoked");
    }

    @Test
    void badMandatesAreRefusedAndChangeNothing() {
        Org broker = fixtures.verifiedOrg("BROKER");
        Org client = fixtures.verifiedOrg("UNIVERSITY");
        Org enterprise = fixtures.verifiedOrg("ENTERPRISE");
        Org pendingBroker = fixtures.registerOrg("BROKER");
        Org unqualified = fixtures.verifiedOrg("INDIVIDUAL");

        refused(client, body(enterprise.id()), 400, "BROKER_NOT_QUALIFIED");
        refused(client, body(pendingBroker.id()), 400, "BROKER_NOT_QUALIFIED");
        refused(client, body(unqualified.id()), 400, "BROKER_NOT_QUALIFIED");
        refused(client, body("no-such-organization"), 400, "BROKER_NOT_QUALIFIED");
        refused(client, body(client.id()), 400, "BROKER_NOT_QUALIFIED");
        Map<String, Object> twoScopes = body(broker.id());
        twoScopes.put("scope", Map.of("all", true, "assetIds", List.of("a")));
        refused(client, twoScopes, 400, "INVALID_MANDATE_SCOPE");
        Map<String, Object> noIds = body(broker.id());
        noIds.put("scope", Map.of("assetIds", List.of()));
        refused(client, noIds, 400, "INVALID_MANDATE_SCOPE");
        Map<String, Object> noActions = body(broker.id());
        noActions.put("actions", List.of());
        refused(client, noActions, 400, "INVALID_MANDATE_ACTIONS");
        Map<String, Object> unknownAction = body(broker.id());
        unknownAction.put("actions", List.of("DELIVER"));
        Api.Response unknown = api.post("/api/v1/mandates", client.token(), unknownAction);
        assertThat(unknown.status()).as(unknown.text()).isBetween(400, 422);
        Map<String, Object> tooMuch = body(broker.id());
        tooMuch.put("commission", Map.of("basisPoints", 10001, "minimum", Map.of("amount", "0.00", "currency", "CNY")));
        refused(client, tooMuch, 400, "INVALID_COMMISSION");
        Map<String, Object> past = body(broker.id());
        past.put("validUntil", Instant.now().minus(Duration.ofDays(1)).toString());
        refused(client, past, 400, "INVALID_MANDATE_SCOPE");
        assertThat(mandatesOf(client)).isZero();
    }

    @Test
    void anOperatorRecordsAnIndividualsBrokerQualification() {
        Org person = fixtures.verifiedOrg("INDIVIDUAL");
        Org client = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> qualification =
                Map.of("number", Fixtures.unique("JSJL"), "issuer", "中国科学技术交流中心", "issuedOn", "2024-05-20");

        Api.Response bySelf = api.put(
                "/api/v1/organizations/" + person.id() + "/broker-qualification", person.token(), qualification, null);
        assertThat(bySelf.status()).isEqualTo(403);
        Api.Response ofFirm = api.put(
                "/api/v1/organizations/" + client.id() + "/broker-qualification", ADMIN_TOKEN, qualification, null);
        assertThat(ofFirm.code()).as(ofFirm.text()).isEqualTo("INVALID_QUALIFICATION");
        Api.Response future = api.put(
                "/api/v1/organizations/" + person.id() + "/broker-qualification",
                ADMIN_TOKEN,
                Map.of(
                        "number",
                        "X1",
                        "issuer",
                        "Issuer",
                        "issuedOn",
                        LocalDate.now().plusDays(5).toString()),
                null);
        assertThat(future.code()).as(future.text()).isEqualTo("INVALID_QUALIFICATION");
        assertThat(api.get("/api/v1/brokers/" + person.id(), null).status()).isEqualTo(404);

        Api.Response recorded = api.put(
                "/api/v1/organizations/" + person.id() + "/broker-qualification", ADMIN_TOKEN, qualification, null);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(api.post("/api/v1/mandates", client.token(), body(person.id()))
                        .status())
                .isEqualTo(201);
        Api.Response record = api.get("/api/v1/brokers/" + person.id(), null);
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        assertThat(record.json().path("qualification").path("issuer").asString())
                .isEqualTo("中国科学技术交流中心");
        assertThat(record.json().path("dealsClosed").asLong()).isZero();
        assertThat(api.get("/api/v1/brokers/" + client.id(), null).status()).isEqualTo(404);
    }
}
