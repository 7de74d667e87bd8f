package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Individuals register with the number of their resident identity card: it is required of them and refused from
 * anyone else, checked against GB 11643-1999, registered once, and never shown in full.
 */
class IndividualRegistrationIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    Participants participants;

    private Api.Response register(Map<String, Object> registration) {
        return api.post("/api/v1/registrations", null, registration);
    }

    @Test
    void anIndividualRegistersWithTheirIdentityNumberWhichIsShownMaskedOnly() {
        long before = api.get("/api/v1/audit/verification", ADMIN_TOKEN)
                .json()
                .path("events")
                .asLong();
        String number = Fixtures.uniqueIdentityNumber();
        String username = Fixtures.unique("inventor");
        Api.Response registered = register(Fixtures.individual("王建国", number, "440300", username, PASSWORD));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String id = registered.text("organizationId");
        String masked = "*".repeat(14) + number.substring(14);

        String token = fixtures.logIn(username, PASSWORD);
        Api.Response profile = api.get("/api/v1/organizations/" + id, token);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.text("type")).isEqualTo("INDIVIDUAL");
        assertThat(profile.json().path("creditCode").isNull()).isTrue();
        assertThat(profile.text("identityNumber")).isEqualTo(masked);
        assertThat(profile.text()).doesNotContain(number);
        Api.Response verified = api.post("/api/v1/organizations/" + id + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(verified.text("identityNumber")).isEqualTo(masked);
        assertThat(verified.text()).doesNotContain(number);
        assertThat(api.get("/api/v1/organizations?limit=200", ADMIN_TOKEN).text())
                .doesNotContain(number);

        Api.Response events = api.get("/api/v1/audit/events?after=" + before + "&limit=200", ADMIN_TOKEN);
        JsonNode registeredEvent = events.json()
                .path("items")
                .valueStream()
                .filter(e -> e.path("type").asString().equals("OrganizationRegistered")
                        && e.path("subject").asString().equals("organization:" + id))
                .findFirst()
                .orElseThrow();
        assertThat(registeredEvent.path("payload").path("identityNumber").asString())
                .isEqualTo(masked);
        assertThat(events.text()).doesNotContain(number);

        // Other modules learn the full number through the Java API, to write it into a contract.
        assertThat(participants.legalIdentity(id)).contains(LegalIdentity.residentId(number));
        assertThat(participants.creditCode(id)).isEmpty();
    }

    @Test
    void anOrganizationIsStillNamedByItsCreditCode() {
        String code = Fixtures.uniqueCreditCode();
        Api.Response registered = register(
                Fixtures.registration("深圳某科技有限公司", "ENTERPRISE", code, "440300", Fixtures.unique("co"), PASSWORD));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String id = registered.text("organizationId");
        assertThat(participants.legalIdentity(id)).contains(LegalIdentity.creditCode(code));
        Api.Response profile = api.get("/api/v1/organizations/" + id, ADMIN_TOKEN);
        assertThat(profile.text("creditCode")).isEqualTo(code);
        assertThat(profile.json().path("identityNumber").isNull()).isTrue();
        assertThat(participants.legalIdentity("no-such-organization")).isEmpty();
    }

    @Test
    void anIndividualWithoutAValidIdentityNumberIsRefusedAndNothingIsStored() {
        String valid = Fixtures.uniqueIdentityNumber();
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        String unborn = ResidentIdentityNumber.withCheckCharacter("44030521000101001");
        Map<String, String> cases = Map.of(
                "",
                "IDENTITY_NUMBER_REQUIRED",
                wrongCheck,
                "INVALID_IDENTITY_NUMBER",
                unborn,
                "INVALID_IDENTITY_NUMBER",
                valid.substring(0, 6) + valid.substring(8, 17),
                "INVALID_IDENTITY_NUMBER",
                "99" + valid.substring(2),
                "INVALID_IDENTITY_NUMBER");
        for (Map.Entry<String, String> refused : cases.entrySet()) {
            String username = Fixtures.unique("person");
            Api.Response response = register(Fixtures.individual("李娜", refused.getKey(), "440300", username, PASSWORD));
            assertRefused(response, refused.getValue());
            assertNotStored(username);
        }
        String username = Fixtures.unique("person");
        Api.Response missing = register(Fixtures.registration("李娜", "INDIVIDUAL", null, "440300", username, PASSWORD));
        assertRefused(missing, "IDENTITY_NUMBER_REQUIRED");
        assertNotStored(username);
    }

    @Test
    void onlyAnIndividualGivesAnIdentityNumber() {
        String number = Fixtures.uniqueIdentityNumber();
        String username = Fixtures.unique("co");
        Map<String, Object> company = Fixtures.registration(
                "某某有限公司", "ENTERPRISE", Fixtures.uniqueCreditCode(), "440300", username, PASSWORD);
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = (Map<String, Object>) company.get("organization");
        organization.put("identityNumber", number);

        assertRefused(register(company), "IDENTITY_NUMBER_NOT_ALLOWED");
        assertNotStored(username);
        // The number was not stored with the refused company: its holder may still register with it.
        assertThat(register(Fixtures.individual("赵敏", number, "440300", Fixtures.unique("p"), PASSWORD))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aPersonRegistersOnceAndTheRefusalDoesNotRepeatTheirNumber() {
        String number = Fixtures.uniqueIdentityNumber();
        assertThat(register(Fixtures.individual("陈静", number, "440300", Fixtures.unique("p"), PASSWORD))
                        .status())
                .isEqualTo(201);
        String username = Fixtures.unique("p");
        Api.Response again = register(Fixtures.individual("陈静", number, "310000", username, PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ORGANIZATION_EXISTS");
        assertThat(again.text()).doesNotContain(number);
        assertNotStored(username);
    }

    @Test
    void theFormIsCheckedBeforeTheIdentityNumber() {
        Api.Response response = register(Fixtures.individual("", "12345", "440300", Fixtures.unique("p"), PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("organization.name");
    }

    private static void assertRefused(Api.Response response, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactly("organization.identityNumber");
    }

    private void assertNotStored(String username) {
        assertThat(api.post("/api/v1/tokens", null, Map.of("username", username, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
    }
}
