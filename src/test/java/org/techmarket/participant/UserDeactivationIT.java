package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.Race;
import org.techmarket.support.WebIntegrationTest;

/**
 * An organization's admin deactivates one of its users: the user's tokens and page sessions stop at once, they cannot
 * log in, and the organization always keeps an active admin, even when two admins deactivate each other at once.
 */
class UserDeactivationIT extends WebIntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @Test
    void aDeactivatedUsersTokenAndSessionStopAtOnceAndTheyCannotLogInUntilReactivated() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String member = addUser(org, "MEMBER");
        String username = username(org, member);
        String token = fixtures.logIn(username, PASSWORD);
        PageClient session = signedIn(new Org(org.id(), member, username, PASSWORD, token));
        assertThat(session.get("/workspace").status()).isEqualTo(200);
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long before = audit.head();

        Api.Response deactivated = api.post(path(org, member, "deactivation"), org.token(), Map.of());
        assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();

        Api.Response refused = api.get("/api/v1/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("USER_DEACTIVATED");
        PageClient.Page ended = session.get("/workspace");
        assertThat(ended.status()).isEqualTo(302);
        assertThat(ended.header("Location")).endsWith("/login?error=USER_DEACTIVATED");
        assertThat(session.get("/workspace").header("Location")).endsWith("/login");
        Api.Response logIn = api.post("/api/v1/tokens", null, Map.of("username", username, "password", PASSWORD));
        assertThat(logIn.status()).isEqualTo(401);
        assertThat(logIn.code()).isEqualTo("USER_DEACTIVATED");
        assertThat(visitor().logIn(username, PASSWORD).header("Location")).endsWith("/login?error=USER_DEACTIVATED");
        assertThat(audit.types(before, "user:" + member)).containsExactly("UserDeactivated");

        Api.Response reactivated = api.post(path(org, member, "reactivation"), org.token(), Map.of());
        assertThat(reactivated.status()).as(reactivated.text()).isEqualTo(200);
        assertThat(reactivated.json().path("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/me", token).code())
                .as("tokens revoked at deactivation stay revoked")
                .isEqualTo("INVALID_TOKEN");
        assertThat(audit.types(before, "user:" + member)).containsExactly("UserDeactivated", "UserReactivated");
        assertThat(api.get("/api/v1/me", fixtures.logIn(username, PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeDeactivatedAndNobodyOutsideTheOrganizationOrBelowAdminMay() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response last = api.post(path(org, org.adminId(), "deactivation"), org.token(), Map.of());
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.code()).isEqualTo("LAST_ADMIN");
        assertThat(api.get("/api/v1/me", org.token()).status()).isEqualTo(200);

        Org outsider = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response foreign = api.post(path(org, org.adminId(), "deactivation"), outsider.token(), Map.of());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("FORBIDDEN");
        String member = addUser(org, "MEMBER");
        String memberToken = fixtures.logIn(username(org, member), PASSWORD);
        Api.Response byMember = api.post(path(org, org.adminId(), "deactivation"), memberToken, Map.of());
        assertThat(byMember.status()).isEqualTo(403);
        Api.Response operator = api.post(path(org, member, "deactivation"), ADMIN_TOKEN, Map.of());
        assertThat(operator.status()).isEqualTo(403);
        Api.Response unknown = api.post(path(org, outsider.adminId(), "deactivation"), org.token(), Map.of());
        assertThat(unknown.status())
                .as("another organization's user is not ours to find")
                .isEqualTo(404);

        assertThat(api.get("/api/v1/organizations/" + org.id() + "/users", org.token())
                        .json()
                        .findValues("active"))
                .allMatch(active -> active.asBoolean());
    }

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String second = addUser(org, "ORG_ADMIN");
        String secondToken = fixtures.logIn(username(org, second), PASSWORD);

        List<Api.Response> answers = Race.race(
                2,
                i -> () -> i == 0
                        ? api.post(path(org, second, "deactivation"), org.token(), Map.of())
                        : api.post(path(org, org.adminId(), "deactivation"), secondToken, Map.of()));

        assertThat(answers).extracting(Api.Response::status).containsOnlyOnce(200);
        assertThat(answers)
                .filteredOn(a -> a.status() != 200)
                .extracting(Api.Response::code)
                .containsAnyOf("LAST_ADMIN", "USER_DEACTIVATED");
        var users = api.get("/api/v1/organizations/" + org.id() + "/users", ADMIN_TOKEN)
                .json();
        long activeAdmins = 0;
        for (var u : users) {
            if (u.path("role").asString().equals("ORG_ADMIN")
                    && u.path("active").asBoolean()) {
                activeAdmins++;
            }
        }
        assertThat(activeAdmins).isEqualTo(1);
    }

    @Test
    void anAdminDeactivatesAndReactivatesAUserFromTheWorkspace() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String member = addUser(org, "MEMBER");
        PageClient admin = signedIn(org);

        PageClient.Page page = admin.get("/workspace");
        PageClient.Page done = admin.post("/workspace/users/" + member + "/deactivation", Map.of(), page);
        assertThat(done.status()).isEqualTo(302);
        String workspace = admin.get("/workspace").html();
        assertThat(workspace).contains("该用户已停用").contains("已停用").contains("重新启用");
        assertThat(fixturesLogInStatus(username(org, member))).isEqualTo(401);

        page = admin.get("/workspace");
        PageClient.Page refused = admin.post("/workspace/users/" + org.adminId() + "/deactivation", Map.of(), page);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(admin.get("/workspace").html()).contains("不能停用本机构最后一位在用的管理员");

        page = admin.get("/workspace");
        admin.post("/workspace/users/" + member + "/reactivation", Map.of(), page);
        assertThat(admin.get("/workspace").html()).contains("该用户已重新启用");
        assertThat(fixturesLogInStatus(username(org, member))).isEqualTo(201);
    }

    private int fixturesLogInStatus(String username) {
        return api.post("/api/v1/tokens", null, Map.of("username", username, "password", PASSWORD))
                .status();
    }

    private String addUser(Org org, String role) {
        Api.Response added = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", Fixtures.unique(role.toLowerCase()), "password", PASSWORD, "role", role));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return added.text("id");
    }

    private String username(Org org, String userId) {
        for (var u : api.get("/api/v1/organizations/" + org.id() + "/users", org.token())
                .json()) {
            if (u.path("id").asString().equals(userId)) {
                return u.path("username").asString();
            }
        }
        throw new AssertionError("no user " + userId);
    }

    private static String path(Org org, String userId, String step) {
        return "/api/v1/organizations/" + org.id() + "/users/" + userId + "/" + step;
    }
}
