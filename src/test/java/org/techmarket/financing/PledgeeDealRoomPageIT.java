package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import tools.jackson.databind.JsonNode;

/**
 * The deal room of a pledge sale offers the lender enforcing its pledge what the API lets it do for the owner who does
 * nothing: sign while the contract waits for the seller's signature and deliver once the buyer funded. A delivery sent
 * before the funding is refused with a message and changes nothing; the buyer is not offered the seller's steps, and an
 * organization with no authority is told the deal does not exist. The lender signs through the room's form with a key
 * a user of its own holds; a signature by another key, or over a hash that is not the contract's, is refused with a
 * message and records nothing.
 */
class PledgeeDealRoomPageIT extends LoanSaleTest {

    @LocalServerPort
    int serverPort;

    private static final Map<String, String> DELIVERY =
            Map.of("sha256", "cd".repeat(32), "description", "The patent's file and the assignment deed");

    @Test
    void theEnforcingLenderIsOfferedTheSellersSignatureAndDelivery() {
        Defaulted d = defaulted();
        Awarded sale = awardedAt(d, "70000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        String path = "/api/v1/deals/" + sale.dealId();
        String room = "/deals/" + sale.dealId() + "?lang=en";
        PageClient lender = pages(bank);

        PageClient.Page signing = lender.get(room);
        assertThat(signing.status()).isEqualTo(200);
        assertThat(signing.html())
                .contains("id=\"enforcing-note\"")
                .contains("id=\"sign-form\"")
                .doesNotContain("id=\"deliver-form\"");

        PageClient.Page early = lender.post("/deals/" + sale.dealId() + "/deliver", DELIVERY, signing);
        assertThat(early.status()).isEqualTo(302);
        assertThat(lender.get(room).html()).contains("id=\"deal-refusal\"");
        assertThat(status(path, bank)).isEqualTo("SIGNING");

        Api.Response signed = api.post(path + "/signatures", bank.token(), Map.of());
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(lender.get(room).html())
                .as("signed for the seller: nothing left to sign")
                .doesNotContain("id=\"sign-form\"");
        assertThat(api.post(path + "/signatures", sale.winner().token(), Map.of())
                        .status())
                .isEqualTo(201);
        Api.Response funded = api.post(path + "/funding", sale.winner().token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);

        PageClient.Page buyers = pages(sale.winner()).get(room);
        assertThat(buyers.html()).doesNotContain("id=\"deliver-form\"").doesNotContain("id=\"enforcing-note\"");
        PageClient.Page fundedRoom = lender.get(room);
        assertThat(fundedRoom.html()).contains("id=\"deliver-form\"");
        assertThat(lender.post("/deals/" + sale.dealId() + "/deliver", DELIVERY, fundedRoom)
                        .status())
                .isEqualTo(302);
        assertThat(status(path, bank)).isEqualTo("DELIVERED");

        assertThat(pages(fixtures.verifiedOrg("ENTERPRISE")).get(room).status()).isEqualTo(404);
    }

    @Test
    void theEnforcingLenderSignsForTheSellerWithItsOwnKeyThroughTheRoomsForm() throws Exception {
        Defaulted d = defaulted();
        Awarded sale = awardedAt(d, "70000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        String path = "/api/v1/deals/" + sale.dealId();
        String action = "/deals/" + sale.dealId() + "/sign";
        String room = "/deals/" + sale.dealId() + "?lang=en";
        String hash =
                api.get(path, bank.token()).json().path("contract").path("hash").asString();
        PageClient lender = pages(bank);
        PageClient.Page signing = lender.get(room);
        assertThat(signing.html()).contains("id=\"sign-form\"").contains(hash);

        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PageClient.Page registered = lender.fetch(
                "/workspace/signing-keys",
                Map.of(
                        "publicKey",
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())),
                signing);
        assertThat(registered.status()).as(registered.html()).isEqualTo(200);
        String keyId = Api.JSON.readTree(registered.html()).path("id").asString();

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(lender.post(
                                action,
                                Map.of("keyId", keyId, "signature", signature(other, hash), "contractHash", hash),
                                signing)
                        .status())
                .isEqualTo(302);
        assertThat(lender.get(room).html()).as("another key's signature").contains("id=\"deal-refusal\"");
        String stale = "0".repeat(64);
        lender.post(
                action, Map.of("keyId", keyId, "signature", signature(pair, stale), "contractHash", stale), signing);
        assertThat(lender.get(room).html()).as("a hash not the contract's").contains("id=\"deal-refusal\"");
        assertThat(api.get(path, bank.token()).json().path("signatures"))
                .as("refused signatures record nothing")
                .isEmpty();

        assertThat(lender.post(
                                action,
                                Map.of("keyId", keyId, "signature", signature(pair, hash), "contractHash", hash),
                                signing)
                        .status())
                .isEqualTo(302);
        JsonNode deal = api.get(path, bank.token()).json();
        assertThat(deal.path("signatures")).hasSize(1);
        JsonNode signed = deal.path("signatures").get(0);
        assertThat(signed.path("organizationId").asString())
                .as("signed as the seller")
                .isEqualTo(d.firm().id());
        assertThat(signed.path("pledgeeId").asString()).isEqualTo(bank.id());
        assertThat(signed.path("keyKind").asString()).isEqualTo("SIGNER_HELD");
        assertThat(signed.path("signerKeyId").asString()).isEqualTo(keyId);
        assertThat(deal.path("status").asString())
                .as("the buyer has yet to sign")
                .isEqualTo("SIGNING");
        PageClient.Page after = lender.get(room);
        assertThat(after.html()).doesNotContain("id=\"sign-form\"").doesNotContain("id=\"deal-refusal\"");
        assertThat(pages(sale.winner()).get(room).html())
                .as("the buyer still signs for itself")
                .contains("id=\"sign-form\"");
    }

    /** The detached Ed25519 signature (base64) a key the signer holds makes over a contract hash. */
    private static String signature(KeyPair pair, String contractHash) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(("techmarket-contract-v1:" + contractHash).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private String status(String path, Fixtures.Org reader) {
        return api.get(path, reader.token()).text("status");
    }

    private PageClient pages(Fixtures.Org org) {
        PageClient pages = new PageClient("http://localhost:" + serverPort);
        assertThat(pages.logIn(org.username(), org.password()).status()).isEqualTo(302);
        return pages;
    }
}
