package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * Parties sign a contract with keys they hold: a user registers an Ed25519 public key, signs the contract's hash on
 * its own machine, and sends the detached signature, which the market verifies before it counts.
 */
class SignerHeldKeysIT extends DealIntegrationTest {

    @Test
    void bothPartiesSignWithKeysTheyHoldAndTheContractShowsWhichKindSigned() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00);
        AuditTrail trail = new AuditTrail(api, fixtures.regulator());
        long before = trail.head();
        KeyPair sellerKeys = newKeyPair();
        KeyPair buyerKeys = newKeyPair();

        // The seller gives its key as SPKI, the buyer as the raw 32 bytes; both are kept as SPKI.
        Api.Response sellerKey = register(sale.seller(), spki(sellerKeys));
        assertThat(sellerKey.status()).as(sellerKey.text()).isEqualTo(201);
        Api.Response buyerKey = register(sale.buyer(), raw(buyerKeys));
        assertThat(buyerKey.status()).as(buyerKey.text()).isEqualTo(201);
        assertThat(buyerKey.text("publicKey")).isEqualTo(spki(buyerKeys));
        assertThat(trail.types(before, "signing-key:" + sellerKey.text("id"))).containsExactly("SignerKeyRegistered");

        // Registering its first key turned off the key the market holds for the seller.
        JsonNode ring = api.get("/api/v1/signing-keys", sale.seller().token()).json();
        assertThat(ring.path("serverHeldKeys").asBoolean()).isFalse();
        assertThat(ring.path("items").get(0).path("fingerprint").asString()).hasSize(16);
        Api.Response serverHeld = api.post(signatures(sale), sale.seller().token(), Map.of());
        assertThat(serverHeld.status()).isEqualTo(409);
        assertThat(serverHeld.code()).isEqualTo("SERVER_HELD_KEY_NOT_CHOSEN");

        String hash = kit.deal(sale).path("contract").path("hash").asString();
        Api.Response sellerSigned = signDetached(sale, sale.seller(), sellerKey.text("id"), sign(sellerKeys, hash));
        assertThat(sellerSigned.status()).as(sellerSigned.text()).isEqualTo(201);
        assertThat(sellerSigned.text("keyKind")).isEqualTo("SIGNER_HELD");
        assertThat(sellerSigned.text("signerKeyId")).isEqualTo(sellerKey.text("id"));
        Api.Response buyerSigned = api.post(
                signatures(sale),
                sale.buyer().token(),
                Map.of("keyId", buyerKey.text("id"), "signature", sign(buyerKeys, hash), "contractHash", hash));
        assertThat(buyerSigned.status()).as(buyerSigned.text()).isEqualTo(201);

        JsonNode signed = kit.deal(sale);
        assertThat(signed.path("status").asString()).isEqualTo("SIGNED");
        assertThat(signed.path("signatures").findValuesAsString("keyKind")).containsOnly("SIGNER_HELD");
        JsonNode verification = api.get(
                        signatures(sale) + "/" + sellerSigned.text("id") + "/verification",
                        fixtures.verifiedOrg("ENTERPRISE").token())
                .json();
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("signature").path("keyKind").asString()).isEqualTo("SIGNER_HELD");
        assertThat(verification.path("fingerprint").asString()).isEqualTo(sellerKey.text("fingerprint"));
        assertThat(trail.types(before, "deal:" + sale.dealId())).contains("ContractSigned", "DealSigned");
    }

    @Test
    void aWrongKeyAWrongHashOrARevokedKeyIsRefusedAndNothingChanges() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00);
        KeyPair mine = newKeyPair();
        String keyId = register(sale.seller(), spki(mine)).text("id");
        String hash = kit.deal(sale).path("contract").path("hash").asString();

        // Signed by another private key than the registered one.
        Api.Response otherKey = signDetached(sale, sale.seller(), keyId, sign(newKeyPair(), hash));
        assertThat(otherKey.status()).isEqualTo(422);
        assertThat(otherKey.code()).isEqualTo("INVALID_SIGNATURE");
        // Signed over another contract's hash, or the bare hash without the market's label.
        String otherHash = "0".repeat(64);
        assertThat(signDetached(sale, sale.seller(), keyId, sign(mine, otherHash))
                        .code())
                .isEqualTo("INVALID_SIGNATURE");
        assertThat(signDetached(sale, sale.seller(), keyId, signBytes(mine, hash.getBytes(StandardCharsets.US_ASCII)))
                        .code())
                .isEqualTo("INVALID_SIGNATURE");
        assertThat(signDetached(sale, sale.seller(), keyId, "not base64!").code())
                .isEqualTo("INVALID_SIGNATURE");
        // The signer read another text than the deal's.
        Api.Response staleText = api.post(
                signatures(sale),
                sale.seller().token(),
                Map.of("keyId", keyId, "signature", sign(mine, otherHash), "contractHash", otherHash));
        assertThat(staleText.status()).isEqualTo(409);
        assertThat(staleText.code()).isEqualTo("CONTRACT_HASH_MISMATCH");
        // Another organization's key, an unknown key, a key missing from the request.
        String buyersKey = register(sale.buyer(), spki(newKeyPair())).text("id");
        assertThat(signDetached(sale, sale.seller(), buyersKey, sign(mine, hash))
                        .code())
                .isEqualTo("SIGNING_KEY_NOT_FOUND");
        assertThat(signDetached(sale, sale.seller(), "nope", sign(mine, hash)).status())
                .isEqualTo(404);
        Api.Response noKey = api.post(signatures(sale), sale.seller().token(), Map.of("signature", sign(mine, hash)));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("FIELD_REQUIRED");

        // A revoked key signs nothing more; revoking it twice is refused; another organization cannot revoke it.
        assertThat(api.post(
                                "/api/v1/signing-keys/" + keyId + "/revocation",
                                sale.buyer().token(),
                                Map.of())
                        .code())
                .isEqualTo("SIGNING_KEY_NOT_FOUND");
        Api.Response revoked = api.post(
                "/api/v1/signing-keys/" + keyId + "/revocation", sale.seller().token(), Map.of());
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.text("revokedAt")).isNotBlank();
        assertThat(api.post(
                                "/api/v1/signing-keys/" + keyId + "/revocation",
                                sale.seller().token(),
                                Map.of())
                        .code())
                .isEqualTo("SIGNING_KEY_REVOKED");
        Api.Response afterRevocation = signDetached(sale, sale.seller(), keyId, sign(mine, hash));
        assertThat(afterRevocation.status()).isEqualTo(409);
        assertThat(afterRevocation.code()).isEqualTo("SIGNING_KEY_REVOKED");

        JsonNode unchanged = kit.deal(sale);
        assertThat(unchanged.path("status").asString()).isEqualTo("SIGNING");
        assertThat(unchanged.path("signatures").size()).isZero();
    }

    @Test
    void aKeyIsRegisteredOnceAndMustBeAnEd25519Key() throws Exception {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        String key = spki(newKeyPair());
        assertThat(register(org, key).status()).isEqualTo(201);
        Api.Response again = register(org, key);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("SIGNING_KEY_ALREADY_REGISTERED");
        for (String bad : List.of(
                "not base64!",
                Base64.getEncoder().encodeToString(new byte[31]),
                Base64.getEncoder().encodeToString(rsaPublicKey()))) {
            Api.Response refused = register(org, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_PUBLIC_KEY");
        }
        assertThat(api.post("/api/v1/signing-keys", org.token(), Map.of()).code())
                .isEqualTo("FIELD_REQUIRED");
        assertThat(api.get("/api/v1/signing-keys", org.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void anAdminChoosesWhetherTheMarketMaySignWithTheKeyItHolds() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(10_000_00, 1_000_00);
        register(sale.seller(), spki(newKeyPair()));
        assertThat(api.post(signatures(sale), sale.seller().token(), Map.of()).code())
                .isEqualTo("SERVER_HELD_KEY_NOT_CHOSEN");

        Api.Response chosen = api.put(
                "/api/v1/signing-keys/server-held", sale.seller().token(), Map.of("serverHeldKeys", true), null);
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
        assertThat(chosen.json().path("serverHeldKeys").asBoolean()).isTrue();
        Api.Response byMarket = api.post(signatures(sale), sale.seller().token(), Map.of());
        assertThat(byMarket.status()).as(byMarket.text()).isEqualTo(201);
        assertThat(byMarket.text("keyKind")).isEqualTo("SERVER_HELD");
        assertThat(byMarket.json().path("signerKeyId").isNull()).isTrue();
        assertThat(api.put("/api/v1/signing-keys/server-held", sale.seller().token(), Map.of(), null)
                        .code())
                .isEqualTo("FIELD_REQUIRED");
    }

    @Test
    void twoSignaturesAtOnceSignTheDealOnce() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(40_000_00, 4_000_00);
        String hash = kit.deal(sale).path("contract").path("hash").asString();
        List<Fixtures.Org> parties = List.of(sale.seller(), sale.buyer());
        List<KeyPair> pairs = List.of(newKeyPair(), newKeyPair());
        List<String> keyIds = List.of(
                register(parties.get(0), spki(pairs.get(0))).text("id"),
                register(parties.get(1), spki(pairs.get(1))).text("id"));

        List<Integer> statuses = Race.race(
                2,
                i -> () -> signDetached(sale, parties.get(i), keyIds.get(i), sign(pairs.get(i), hash))
                        .status());
        assertThat(statuses).containsExactly(201, 201);
        JsonNode deal = kit.deal(sale);
        assertThat(deal.path("status").asString()).isEqualTo("SIGNED");
        assertThat(deal.path("history").findValuesAsString("event").stream().filter("DealSigned"::equals))
                .hasSize(1);

        // The same party signing twice at once signs once.
        DealKit.Sale other = kit.awardedAssignment(40_000_00, 4_000_00);
        String otherHash = kit.deal(other).path("contract").path("hash").asString();
        String sellerKey = register(other.seller(), spki(pairs.get(0))).text("id");
        List<Integer> twice = Race.race(
                2,
                i -> () -> signDetached(other, other.seller(), sellerKey, sign(pairs.get(0), otherHash))
                        .status());
        assertThat(twice).containsExactlyInAnyOrder(201, 409);
        assertThat(kit.deal(other).path("signatures").size()).isEqualTo(1);
    }

    private Api.Response register(Fixtures.Org org, String publicKey) {
        return api.post("/api/v1/signing-keys", org.token(), Map.of("publicKey", publicKey));
    }

    private Api.Response signDetached(DealKit.Sale sale, Fixtures.Org party, String keyId, String signature) {
        return api.post(signatures(sale), party.token(), Map.of("keyId", keyId, "signature", signature));
    }

    private static String signatures(DealKit.Sale sale) {
        return "/api/v1/deals/" + sale.dealId() + "/signatures";
    }

    private static KeyPair newKeyPair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String spki(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private static String raw(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** What any Ed25519 tool does: sign the bytes {@code techmarket-contract-v1:<hash>}. */
    private static String sign(KeyPair pair, String hash) throws Exception {
        return signBytes(pair, ("techmarket-contract-v1:" + hash).getBytes(StandardCharsets.US_ASCII));
    }

    private static String signBytes(KeyPair pair, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static byte[] rsaPublicKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        return rsa.generateKeyPair().getPublic().getEncoded();
    }
}
