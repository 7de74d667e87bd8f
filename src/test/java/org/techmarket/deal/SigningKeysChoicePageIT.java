package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;

/**
 * The signing keys page turns the market-held key back on for an organization whose user registered a key of its own
 * (which turned it off), as {@code PUT /api/v1/signing-keys/server-held} does: only an admin is offered the choice, a
 * member who sends it anyway is refused with a message, a choice that is neither on nor off is refused, and neither
 * refusal changes the choice.
 */
class SigningKeysChoicePageIT extends DealPageTest {

    private static final String KEYS = "/workspace/keys?lang=en";

    @Test
    void anAdminTurnsTheMarketHeldKeyBackOnAndAMemberCannot() throws Exception {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response key = api.post(
                "/api/v1/signing-keys",
                org.token(),
                Map.of(
                        "publicKey",
                        Base64.getEncoder()
                                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                                        .generateKeyPair()
                                        .getPublic()
                                        .getEncoded())));
        assertThat(key.status()).as(key.text()).isEqualTo(201);
        assertThat(serverHeld(org))
                .as("a user's own key turns the market-held key off")
                .isFalse();

        Fixtures.Org member = member(org);
        PageClient memberPages = signedIn(member);
        PageClient.Page memberPage = memberPages.get(KEYS);
        assertThat(memberPage.html()).doesNotContain("id=\"server-held-form\"");
        assertThat(memberPages
                        .post("/workspace/keys/server-held", Map.of("serverHeld", "true"), memberPage)
                        .status())
                .isEqualTo(302);
        assertThat(memberPages.get(KEYS).html())
                .contains("Only an organization admin chooses who holds its signing keys.");
        assertThat(serverHeld(org)).isFalse();

        PageClient admin = signedIn(org);
        PageClient.Page page = admin.get(KEYS);
        assertThat(page.html())
                .contains("id=\"server-held-form\"")
                .contains("Let the market sign with the key it holds for us again");
        admin.post("/workspace/keys/server-held", Map.of("serverHeld", "maybe"), page);
        assertThat(admin.get(KEYS).html()).contains("Choose whether the market may sign with the key it holds");
        assertThat(serverHeld(org)).isFalse();

        assertThat(admin.post("/workspace/keys/server-held", Map.of("serverHeld", "true"), page)
                        .status())
                .isEqualTo(302);
        assertThat(serverHeld(org)).isTrue();
        assertThat(admin.get(KEYS).html())
                .contains("The market may sign your contracts with the key it holds for your organization again.")
                .contains("Sign only with keys our users hold");
    }

    private boolean serverHeld(Fixtures.Org org) {
        Api.Response ring = api.get("/api/v1/signing-keys", org.token());
        assertThat(ring.status()).as(ring.text()).isEqualTo(200);
        return ring.json().path("serverHeldKeys").asBoolean();
    }

    private Fixtures.Org member(Fixtures.Org org) {
        String username = Fixtures.unique("member");
        String password = "a member's long password";
        Api.Response added = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", username, "password", password, "displayName", "Member", "role", "MEMBER"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Fixtures.Org(org.id(), added.text("id"), username, password, null);
    }
}
