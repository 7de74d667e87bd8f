package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A robotics company joins the market: it registers with its first admin, prepares while the venue checks its papers,
 * is verified, brings in an engineer and a second admin, and trades. The venue suspends it over unpaid fees: its
 * people still log in and read what is theirs, but add no one, register no patent and withdraw no money, until the
 * venue reinstates it. Each step is in the audit log.
 */
class ParticipantStoryIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @Test
    void aCompanyJoinsIsVerifiedGrowsIsSuspendedAndIsReinstated() {
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long before = audit.head();

        // The company registers itself and its admin; nobody needs to be logged in for that.
        String adminName = Fixtures.unique("robotics-admin");
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "深圳灵巧机器人有限公司", "ENTERPRISE", Fixtures.uniqueCreditCode(), "440300", adminName, PASSWORD));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("PENDING");
        String company = registered.text("organizationId");
        String admin = fixtures.logIn(adminName, PASSWORD);
        JsonNode me = api.get("/api/v1/me", admin).json();
        assertThat(me.path("role").asString()).isEqualTo("ORG_ADMIN");
        assertThat(me.path("organizationId").asString()).isEqualTo(company);

        // While pending it prepares, but registers no patent.
        Api.Response earlyPatent =
                api.post("/api/v1/assets", admin, Fixtures.patentAsset(company, Fixtures.uniqueCnPatentNumber()));
        assertThat(earlyPatent.status()).isEqualTo(403);
        assertThat(earlyPatent.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");

        // The venue's operator finds it among the pending organizations and verifies it; the company cannot.
        assertThat(pendingIds()).contains(company);
        assertThat(api.post("/api/v1/organizations/" + company + "/verification", admin, Map.of())
                        .status())
                .isEqualTo(403);
        Api.Response verified = api.post("/api/v1/organizations/" + company + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        assertThat(pendingIds()).doesNotContain(company);
        assertThat(api.get("/api/v1/organizations/" + company, admin).text("status"))
                .isEqualTo("VERIFIED");

        // The admin brings in an engineer (a member) and a second admin.
        String engineerName = Fixtures.unique("engineer");
        Api.Response engineerAdded = addUser(admin, company, engineerName, "MEMBER");
        assertThat(engineerAdded.status()).as(engineerAdded.text()).isEqualTo(201);
        assertThat(engineerAdded.text("role")).isEqualTo("MEMBER");
        assertThat(addUser(admin, company, Fixtures.unique("deputy"), "ORG_ADMIN")
                        .status())
                .isEqualTo(201);
        String engineer = fixtures.logIn(engineerName, PASSWORD);
        assertThat(api.get("/api/v1/me", engineer).text("role")).isEqualTo("MEMBER");
        Api.Response byMember = addUser(engineer, company, Fixtures.unique("friend"), "MEMBER");
        assertThat(byMember.status()).as("only admins add people").isEqualTo(403);
        assertThat(api.get("/api/v1/organizations/" + company + "/users", admin)
                        .json()
                        .findValuesAsString("role"))
                .containsExactlyInAnyOrder("ORG_ADMIN", "MEMBER", "ORG_ADMIN");

        // The engineer's wrong password gets no token; a token the engineer revokes stops working.
        Api.Response wrong = api.post("/api/v1/tokens", null, Map.of("username", engineerName, "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("INVALID_CREDENTIALS");
        Api.Response laptop = api.post("/api/v1/tokens", null, Map.of("username", engineerName, "password", PASSWORD));
        assertThat(api.get("/api/v1/tokens", engineer).json().findValuesAsString("id"))
                .contains(laptop.text("id"));
        assertThat(api.delete("/api/v1/tokens/" + laptop.text("id"), engineer).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", laptop.text("token")).code()).isEqualTo("INVALID_TOKEN");

        // Verified, it registers its patent and takes money in.
        Api.Response patent =
                api.post("/api/v1/assets", admin, Fixtures.patentAsset(company, Fixtures.uniqueCnPatentNumber()));
        assertThat(patent.status()).as(patent.text()).isEqualTo(201);
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        company,
                        "amount",
                        Map.of("amount", "5000.00", "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);

        // The venue suspends it over unpaid fees. A reason is required; the company cannot suspend itself.
        String suspension = "/api/v1/organizations/" + company + "/suspension";
        assertThat(api.post(suspension, ADMIN_TOKEN, Map.of("reason", "")).status())
                .isEqualTo(400);
        assertThat(api.post(suspension, admin, Map.of("reason", "Self-suspension"))
                        .status())
                .isEqualTo(403);
        Api.Response suspended = api.post(suspension, ADMIN_TOKEN, Map.of("reason", "Unpaid venue fees"));
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");

        // Suspended, its people still log in and read what is theirs, but add no one, register no patent and
        // withdraw no money.
        String engineerAgain = fixtures.logIn(engineerName, PASSWORD);
        assertThat(api.get("/api/v1/me", engineerAgain).text("organizationId")).isEqualTo(company);
        assertThat(api.get("/api/v1/organizations/" + company, admin).text("status"))
                .isEqualTo("SUSPENDED");
        assertThat(api.get("/api/v1/accounts", admin)
                        .json()
                        .path(0)
                        .path("available")
                        .path("amount")
                        .asString())
                .isEqualTo("5000.00");
        refused(addUser(admin, company, Fixtures.unique("late-hire"), "MEMBER"));
        refused(api.post("/api/v1/assets", admin, Fixtures.patentAsset(company, Fixtures.uniqueCnPatentNumber())));
        refused(api.post(
                "/api/v1/ledger/cash-outs", admin, Map.of("amount", Map.of("amount", "1000.00", "currency", "CNY"))));
        assertThat(api.get("/api/v1/organizations/" + company + "/users", admin)
                        .json()
                        .size())
                .as("nobody was added")
                .isEqualTo(3);
        assertThat(api.get("/api/v1/accounts", admin)
                        .json()
                        .path(0)
                        .path("available")
                        .path("amount")
                        .asString())
                .as("no money moved")
                .isEqualTo("5000.00");

        // Reinstated, it withdraws its money again.
        Api.Response reinstated = api.post("/api/v1/organizations/" + company + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(reinstated.text("status")).isEqualTo("VERIFIED");
        Api.Response cashOut = api.post(
                "/api/v1/ledger/cash-outs", admin, Map.of("amount", Map.of("amount", "1000.00", "currency", "CNY")));
        assertThat(cashOut.status()).as(cashOut.text()).isEqualTo(201);
        assertThat(api.get("/api/v1/accounts", admin)
                        .json()
                        .path(0)
                        .path("available")
                        .path("amount")
                        .asString())
                .isEqualTo("4000.00");

        // The log tells the same story about the organization.
        assertThat(audit.types(before, "organization:" + company))
                .containsSubsequence(
                        "OrganizationRegistered",
                        "OrganizationVerified",
                        "OrganizationSuspended",
                        "OrganizationVerified");
        String engineerId = engineerAdded.text("id");
        assertThat(audit.types(before, "user:" + engineerId))
                .containsSubsequence("UserAdded", "TokenIssued", "TokenIssued", "TokenIssued");
        assertThat(audit.types(before, "token:" + laptop.text("id"))).containsExactly("TokenRevoked");
    }

    private Api.Response addUser(String token, String organization, String username, String role) {
        return api.post(
                "/api/v1/organizations/" + organization + "/users",
                token,
                Map.of("username", username, "password", PASSWORD, "displayName", username, "role", role));
    }

    /** The organizations waiting for verification, as the operator pages through them. */
    private List<String> pendingIds() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(
                    "/api/v1/organizations?status=PENDING&limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    ADMIN_TOKEN);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("items").forEach(item -> {
                assertThat(item.path("status").asString()).isEqualTo("PENDING");
                ids.add(item.path("id").asString());
            });
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static void refused(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("ORGANIZATION_SUSPENDED");
    }
}
