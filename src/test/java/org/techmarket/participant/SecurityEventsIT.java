package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Failed log-ins, refusals of other organizations' resources and token revocations leave security events that
 * operators and regulators read at {@code GET /api/v1/security-events}; no password and no personal data beyond the
 * account and the client address.
 */
class SecurityEventsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheTestAddress() {
        jdbc.sql("delete from login_throttle where key like 'address:%'").update();
    }

    @Test
    void aFailedLogInIsRecordedWithTheAccountAndAddressButNeverThePassword() {
        long before = lastSequence();
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        String secret = "not-the-password-" + Fixtures.unique("x");
        assertThat(api.post("/api/v1/tokens", null, Map.of("username", org.username(), "password", secret))
                        .status())
                .isEqualTo(401);
        String unknown = Fixtures.unique("nobody");
        assertThat(api.post("/api/v1/tokens", null, Map.of("username", unknown, "password", secret))
                        .status())
                .isEqualTo(401);

        Api.Response page = api.get("/api/v1/security-events?type=LOGIN_FAILED&after=" + before, ADMIN_TOKEN);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        assertThat(page.text()).doesNotContain(secret).doesNotContain(unknown);
        List<JsonNode> failed = items(page);
        assertThat(failed).hasSize(2);
        JsonNode known = failed.get(0);
        assertThat(known.path("type").asString()).isEqualTo("LOGIN_FAILED");
        assertThat(known.path("username").asString()).isEqualTo(org.username());
        assertThat(known.path("userId").asString()).isEqualTo(org.adminId());
        assertThat(known.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(known.path("path").asString()).isEqualTo("POST /api/v1/tokens");
        assertThat(known.path("occurredAt").asString()).isNotEmpty();
        // An unknown name is not kept: it may be a password typed into the wrong field.
        assertThat(failed.get(1).path("username").isNull()).isTrue();
        assertThat(failed.get(1).path("userId").isNull()).isTrue();
    }

    @Test
    void aRefusalOfAnotherOrganizationsResourceIsRecorded() {
        long before = lastSequence();
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.registerOrg("ENTERPRISE");
        assertThat(api.get("/api/v1/accounts?organizationId=" + org.id(), stranger.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/events", stranger.token()).status()).isEqualTo(403);

        List<JsonNode> denied =
                items(api.get("/api/v1/security-events?type=ACCESS_DENIED&after=" + before, ADMIN_TOKEN));
        assertThat(denied).hasSize(2);
        assertThat(denied).allSatisfy(e -> {
            assertThat(e.path("userId").asString()).isEqualTo(stranger.adminId());
            assertThat(e.path("username").asString()).isEqualTo(stranger.username());
            assertThat(e.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        });
        assertThat(denied.get(0).path("path").asString()).isEqualTo("GET /api/v1/accounts");
        assertThat(denied.get(1).path("path").asString()).isEqualTo("GET /api/v1/audit/events");
    }

    @Test
    void aDealHiddenFromAStrangerAnswers404AndIsRecordedAsARefusedAccess() {
        Fixtures.Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Fixtures.Org client = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> proposal = new java.util.HashMap<>();
        proposal.put("type", "CONSULTING");
        proposal.put("clientId", client.id());
        proposal.put("price", Map.of("amount", "1000.00", "currency", "CNY"));
        proposal.put("deliveryObligations", "A written opinion on the freedom to operate of a battery pack design.");
        Api.Response deal = api.post("/api/v1/deals", institute.token(), proposal);
        assertThat(deal.status()).as(deal.text()).isEqualTo(201);
        String dealId = deal.text("id");
        long before = lastSequence();

        Api.Response hidden = api.get("/api/v1/deals/" + dealId, stranger.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("DEAL_NOT_FOUND");
        assertThat(api.post("/api/v1/deals/" + dealId + "/signatures", stranger.token(), Map.of())
                        .code())
                .isEqualTo("DEAL_NOT_FOUND");
        // The answer is the one a deal that does not exist gets; only the unknown one is not recorded.
        String missingId = Fixtures.unique("no-such-deal");
        Api.Response missing = api.get("/api/v1/deals/" + missingId, stranger.token());
        assertThat(missing.text().replace(missingId, "?"))
                .isEqualTo(hidden.text().replace(dealId, "?"));

        List<JsonNode> denied =
                items(api.get("/api/v1/security-events?type=ACCESS_DENIED&after=" + before, ADMIN_TOKEN));
        assertThat(denied).hasSize(2);
        assertThat(denied.get(0).path("userId").asString()).isEqualTo(stranger.adminId());
        assertThat(denied.get(0).path("path").asString()).isEqualTo("GET /api/v1/deals/" + dealId);
        assertThat(denied.get(1).path("path").asString()).isEqualTo("POST /api/v1/deals/" + dealId + "/signatures");
    }

    @Test
    void aTokenRevocationIsRecorded() {
        long before = lastSequence();
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        String tokenId =
                api.get("/api/v1/tokens", org.token()).json().get(0).path("id").asString();
        assertThat(api.delete("/api/v1/tokens/" + tokenId, org.token()).status())
                .isEqualTo(204);

        List<JsonNode> revoked =
                items(api.get("/api/v1/security-events?type=TOKEN_REVOKED&after=" + before, ADMIN_TOKEN));
        assertThat(revoked).hasSize(1);
        assertThat(revoked.get(0).path("userId").asString()).isEqualTo(org.adminId());
        assertThat(revoked.get(0).path("path").asString()).isEqualTo("DELETE /api/v1/tokens/" + tokenId);
    }

    @Test
    void operatorsAndRegulatorsReadTheEventsPageByPageAndOthersAreRefused() {
        long before = lastSequence();
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/tokens", null, Map.of("username", org.username(), "password", "wrong password " + i));
        }
        String regulator = Fixtures.unique("regulator");
        assertThat(api.post(
                                "/api/v1/staff",
                                ADMIN_TOKEN,
                                Map.of("username", regulator, "password", "regulator password", "role", "REGULATOR"))
                        .status())
                .isEqualTo(201);
        String regulatorToken = fixtures.logIn(regulator, "regulator password");

        List<Long> sequences = new ArrayList<>();
        long after = before;
        for (int page = 0; page < 5; page++) {
            Api.Response response =
                    api.get("/api/v1/security-events?type=LOGIN_FAILED&limit=2&after=" + after, regulatorToken);
            assertThat(response.status()).isEqualTo(200);
            items(response).forEach(e -> sequences.add(e.path("sequence").asLong()));
            if (response.json().path("nextAfter").isNull()) {
                break;
            }
            after = response.json().path("nextAfter").asLong();
        }
        assertThat(sequences).hasSize(3).isSorted().doesNotHaveDuplicates();

        Api.Response byMember = api.get("/api/v1/security-events", org.token());
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/security-events", null).status()).isEqualTo(401);
        Api.Response badType = api.get("/api/v1/security-events?type=SOMETHING", ADMIN_TOKEN);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/security-events?after=-1", ADMIN_TOKEN).code())
                .isEqualTo("INVALID_PARAMETER");
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from security_event")
                .query(Long.class)
                .single();
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }
}
