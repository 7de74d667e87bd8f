package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * The signing-keys page over plain HTTP: a public key pasted as an Ed25519 tool writes it registers and then signs a
 * contract through the deal room's form for a pasted signature; bad keys, a key registered twice and another
 * organization's key are refused in the page's language and change nothing; the page reads as many statements for
 * fifteen keys as for one.
 */
class SigningKeysPageIT extends DealPageTest {

    private static final String KEYS = "/workspace/keys";

    @Test
    void aPastedKeySignsInTheDealRoomAndIsRevokedWhileItsSignatureStays() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(6_000_00, 600_00);
        PageClient seller = signedIn(sale.seller());
        PageClient.Page page = seller.get(KEYS + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("may still sign your contracts").doesNotContain("class=\"signing-key\"");

        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertThat(seller.post(KEYS, Map.of("publicKey", publicKey), page).status())
                .isEqualTo(302);
        JsonNode key = keys(sale.seller()).get(0);
        page = seller.get(KEYS);
        assertThat(page.html())
                .contains("The public key is registered.")
                .contains(key.path("fingerprint").asString())
                .contains("data-key-id=\"" + key.path("id").asString() + "\"")
                .contains("only keys your users hold sign");

        String room = "/deals/" + sale.dealId();
        String hash = kit.deal(sale).path("contract").path("hash").asString();
        PageClient.Page roomPage = seller.get(room);
        assertThat(roomPage.html()).contains("id=\"sign-pasted-form\"").contains("techmarket-contract-v1:" + hash);
        assertThat(seller.post(
                                room + "/sign",
                                Map.of(
                                        "keyId",
                                        key.path("id").asString(),
                                        "signature",
                                        DealKit.signature(pair, hash),
                                        "contractHash",
                                        hash),
                                roomPage)
                        .status())
                .isEqualTo(302);
        JsonNode signature = kit.deal(sale).path("signatures").get(0);
        assertThat(signature.path("keyKind").asString()).isEqualTo("SIGNER_HELD");
        assertThat(signature.path("signerKeyId").asString())
                .isEqualTo(key.path("id").asString());

        assertThat(seller.post(KEYS + "/" + key.path("id").asString() + "/revocation", Map.of(), page)
                        .status())
                .isEqualTo(302);
        assertThat(seller.get(KEYS).html()).contains("The key is revoked: it signs nothing more.");
        assertThat(keys(sale.seller()).get(0).path("revokedAt").isNull()).isFalse();
        assertThat(api.get(
                                "/api/v1/deals/" + sale.dealId() + "/signatures/"
                                        + signature.path("id").asString() + "/verification",
                                sale.seller().token())
                        .text("valid"))
                .isEqualTo("true");
    }

    @Test
    void refusalsShowInThePagesLanguageAndChangeNothing() throws Exception {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        PageClient client = signedIn(org);
        PageClient.Page page = client.get(KEYS + "?lang=zh");

        client.post(KEYS, Map.of("publicKey", "not a key"), page);
        assertThat(client.get(KEYS).html()).contains("这不是 Ed25519 公钥");
        client.post(KEYS, Map.of("publicKey", Base64.getEncoder().encodeToString(new byte[31])), page);
        assertThat(client.get(KEYS + "?lang=en").html()).contains("That is not an Ed25519 public key");
        assertThat(keys(org)).isEmpty();

        String publicKey = Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
        client.post(KEYS, Map.of("publicKey", publicKey), page);
        client.get(KEYS);
        client.post(KEYS, Map.of("publicKey", publicKey), page);
        assertThat(client.get(KEYS).html()).contains("Your organization has already registered that key.");
        assertThat(keys(org)).hasSize(1);

        String keyId = keys(org).get(0).path("id").asString();
        PageClient stranger = signedIn(fixtures.verifiedOrg("ENTERPRISE"));
        PageClient.Page strangers = stranger.get(KEYS + "?lang=en");
        stranger.post(KEYS + "/" + keyId + "/revocation", Map.of(), strangers);
        assertThat(stranger.get(KEYS).html()).contains("Your organization has no such key.");
        assertThat(keys(org).get(0).path("revokedAt").isNull()).isTrue();

        client.post(KEYS + "/" + keyId + "/revocation", Map.of(), page);
        client.get(KEYS);
        client.post(KEYS + "/" + keyId + "/revocation", Map.of(), page);
        assertThat(client.get(KEYS).html()).contains("That key is already revoked.");
    }

    @Test
    void thePageRunsTheSameStatementsForFifteenKeysAsForOne() throws Exception {
        Fixtures.Org few = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org many = fixtures.verifiedOrg("ENTERPRISE");
        register(few, 1);
        register(many, 15);
        PageClient.Counted one = signedIn(few).counted(KEYS);
        PageClient.Counted fifteen = signedIn(many).counted(KEYS);
        assertThat(one.page().status()).isEqualTo(200);
        assertThat(fifteen.page().html().split("class=\"signing-key\"", -1)).hasSize(16);
        assertThat(fifteen.statements()).isEqualTo(one.statements());
    }

    private void register(Fixtures.Org org, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String key = Base64.getEncoder()
                    .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                            .generateKeyPair()
                            .getPublic()
                            .getEncoded());
            assertThat(api.post("/api/v1/signing-keys", org.token(), Map.of("publicKey", key))
                            .status())
                    .isEqualTo(201);
        }
    }

    private JsonNode keys(Fixtures.Org org) {
        return api.get("/api/v1/signing-keys", org.token()).json().path("items");
    }
}
