package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

class ParticipantIT extends IntegrationTest {

    @Test
    void registrationCreatesAPendingOrganizationWithItsAdmin() {
        String code = Fixtures.uniqueCreditCode();
        String username = Fixtures.unique("tto");
        Api.Response response = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration("清华大学技术转移研究院", "UNIVERSITY", code, "110000", username, "a long enough password"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("status")).isEqualTo("PENDING");
        String token = fixtures.logIn(username, "a long enough password");
        Api.Response org = api.get("/api/v1/organizations/" + response.text("organizationId"), token);
        assertThat(org.status()).isEqualTo(200);
        assertThat(org.text("creditCode")).isEqualTo(code);
        assertThat(org.text("region")).isEqualTo("110000");
        Api.Response me = api.get("/api/v1/me", token);
        assertThat(me.text("role")).isEqualTo("ORG_ADMIN");
        assertThat(me.text("organizationId")).isEqualTo(response.text("organizationId"));
    }

    @Test
    void anIndividualRegistersWithoutACreditCode() {
        Api.Response response = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.individual(
                        "Zhang Wei",
                        Fixtures.uniqueIdentityNumber(),
                        "440300",
                        Fixtures.unique("inventor"),
                        "a long enough password"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void invalidRegistrationsAreRefusedWithFieldErrorsAndStoreNothing() {
        String username = Fixtures.unique("bad");
        String validCode = Fixtures.uniqueCreditCode();
        String wrongCheck = validCode.substring(0, 17) + (validCode.charAt(17) == '0' ? '1' : '0');
        Api.Response response = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration("", "ENTERPRISE", wrongCheck, "999999", username, "short"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .contains("organization.name", "organization.creditCode", "organization.region", "admin.password");
        Api.Response login = api.post("/api/v1/tokens", null, Map.of("username", username, "password", "short"));
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void anIndividualMayNotGiveACreditCodeAndOthersMust() {
        Api.Response individual = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "Li Na",
                        "INDIVIDUAL",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        Fixtures.unique("u"),
                        "a long enough password"));
        Api.Response company = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "No Code Ltd", "ENTERPRISE", null, "440300", Fixtures.unique("u"), "a long enough password"));
        assertThat(individual.status()).isEqualTo(400);
        assertThat(company.status()).isEqualTo(400);
    }

    @Test
    void aCreditCodeAndAUsernameRegisterOnlyOnce() {
        String code = Fixtures.uniqueCreditCode();
        String username = Fixtures.unique("dup");
        assertThat(api.post(
                                "/api/v1/registrations",
                                null,
                                Fixtures.registration(
                                        "First", "ENTERPRISE", code, "440300", username, "a long enough password"))
                        .status())
                .isEqualTo(201);

        Api.Response sameCode = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "Second", "ENTERPRISE", code, "440300", Fixtures.unique("other"), "a long enough password"));
        Api.Response sameUser = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "Third",
                        "ENTERPRISE",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        username,
                        "a long enough password"));
        assertThat(sameCode.status()).isEqualTo(409);
        assertThat(sameCode.code()).isEqualTo("ORGANIZATION_EXISTS");
        assertThat(sameUser.status()).isEqualTo(409);
        assertThat(sameUser.code()).isEqualTo("USERNAME_TAKEN");
    }

    @Test
    void onlyOperatorsVerifyAndSuspendAndTheStatusFollowsItsTransitions() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Fixtures.Org other = fixtures.verifiedOrg("ENTERPRISE");
        String path = "/api/v1/organizations/" + org.id();

        assertThat(api.post(path + "/verification", org.token(), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post(path + "/verification", other.token(), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post(path + "/verification", null, Map.of()).status()).isEqualTo(401);

        Api.Response verified = api.post(path + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(verified.text("status")).isEqualTo("VERIFIED");
        Api.Response again = api.post(path + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");

        assertThat(api.post(path + "/suspension", ADMIN_TOKEN, Map.of("reason", ""))
                        .status())
                .isEqualTo(400);
        Api.Response suspended = api.post(path + "/suspension", ADMIN_TOKEN, Map.of("reason", "forged documents"));
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(api.post(path + "/verification", ADMIN_TOKEN, Map.of()).text("status"))
                .isEqualTo("VERIFIED");
        assertThat(api.post("/api/v1/organizations/nope/verification", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anOrganizationAdminAddsUsersToTheirOwnOrganizationOnly() {
        Fixtures.Org org = fixtures.registerOrg("RESEARCH_INSTITUTE");
        Fixtures.Org stranger = fixtures.registerOrg("ENTERPRISE");
        String member = Fixtures.unique("member");
        Map<String, Object> user =
                new HashMap<>(Map.of("username", member, "password", "member password 1", "role", "MEMBER"));

        Api.Response added = api.post("/api/v1/organizations/" + org.id() + "/users", org.token(), user);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String memberToken = fixtures.logIn(member, "member password 1");
        assertThat(api.get("/api/v1/me", memberToken).text("role")).isEqualTo("MEMBER");

        user.put("username", Fixtures.unique("intruder"));
        // The organization exists: another organization's admin and a member are refused, not told it is missing.
        Api.Response byStranger = api.post("/api/v1/organizations/" + org.id() + "/users", stranger.token(), user);
        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(byStranger.code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/v1/organizations/" + org.id() + "/users", memberToken, user)
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/organizations/" + Fixtures.unique("no-such-org") + "/users", org.token(), user)
                        .status())
                .isEqualTo(404);
        user.put("role", "OPERATOR");
        Api.Response escalation = api.post("/api/v1/organizations/" + org.id() + "/users", org.token(), user);
        assertThat(escalation.status()).isEqualTo(400);
        assertThat(escalation.code()).isEqualTo("INVALID_ROLE");
        assertThat(api.get("/api/v1/organizations/" + org.id() + "/users", stranger.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/organizations/" + org.id() + "/users", org.token())
                        .json()
                        .size())
                .isEqualTo(2);
    }

    @Test
    void tokensAreRevocableAndWrongPasswordsGetNoToken() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Api.Response wrong = api.post("/api/v1/tokens", null, Map.of("username", org.username(), "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("INVALID_CREDENTIALS");

        Api.Response issued =
                api.post("/api/v1/tokens", null, Map.of("username", org.username(), "password", org.password()));
        String token = issued.text("token");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/tokens/" + issued.text("id"), token).status())
                .isEqualTo(204);
        Api.Response revoked = api.get("/api/v1/me", token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("INVALID_TOKEN");
        assertThat(api.get("/api/v1/me", org.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", "tm_made-up").status()).isEqualTo(401);
    }

    @Test
    void operatorsAddRegulatorsWhoReadButCannotDecide() {
        String username = Fixtures.unique("regulator");
        Api.Response added = api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", username, "password", "regulator password", "role", "REGULATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String token = fixtures.logIn(username, "regulator password");
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");

        assertThat(api.get("/api/v1/audit/verification", token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/organizations/" + org.id() + "/verification", token, Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/staff",
                                org.token(),
                                Map.of(
                                        "username",
                                        Fixtures.unique("x"),
                                        "password",
                                        "regulator password",
                                        "role",
                                        "OPERATOR"))
                        .status())
                .isEqualTo(403);
    }
}
