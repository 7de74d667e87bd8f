package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** A password that contains its username or is one of the most common ones is refused, and nothing is stored. */
class PasswordPolicyIT extends IntegrationTest {

    @Test
    void aRegistrationWhoseAdminPasswordContainsTheUsernameIsRefused() {
        String username = Fixtures.unique("tto");
        Api.Response refused = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"),
                        "UNIVERSITY",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        username,
                        "my " + username.toUpperCase() + " pw"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("PASSWORD_CONTAINS_USERNAME");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("admin.password");

        // Nothing was stored: the same username registers with a better password.
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"),
                        "UNIVERSITY",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        username,
                        "correct horse battery"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCaseForAdminsMembersAndStaff() {
        Api.Response refused = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"),
                        "UNIVERSITY",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        Fixtures.unique("tto"),
                        "Password123"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("PASSWORD_TOO_COMMON");
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        Api.Response member = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", Fixtures.unique("member"), "password", "QWERTYUIOP", "role", "MEMBER"));
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.code()).isEqualTo("PASSWORD_TOO_COMMON");
        assertThat(member.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

        Api.Response staff = api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", Fixtures.unique("regulator"), "password", "1234567890", "role", "REGULATOR"));
        assertThat(staff.status()).isEqualTo(400);
        assertThat(staff.code()).isEqualTo("PASSWORD_TOO_COMMON");
    }

    @Test
    void aShortPasswordIsStillAFieldProblemOfTheForm() {
        Api.Response refused = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        Fixtures.unique("Org"),
                        "UNIVERSITY",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        Fixtures.unique("tto"),
                        "short"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
    }
}
