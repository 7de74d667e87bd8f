package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class SignerKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final ContractHash HASH = ContractHash.of("合同 contract");

    @Test
    void aRawKeyAndItsSpkiAreTheSameKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        String raw = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        SignerKey fromRaw = SignerKey.register("k1", "org", "user", raw, NOW);
        SignerKey fromSpki =
                SignerKey.register("k2", "org", "user", Base64.getEncoder().encodeToString(spki), NOW);
        assertThat(fromRaw.publicKey()).isEqualTo(fromSpki.publicKey());
        assertThat(fromRaw.fingerprint()).hasSize(16).isEqualTo(fromSpki.fingerprint());
    }

    @Test
    void itAcceptsItsOwnSignatureOverTheLabelledHashAndNothingElse() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SignerKey key = SignerKey.register(
                "k",
                "org",
                "user",
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                NOW);
        String good = sign(pair, HASH.signedMessage());
        assertThat(Signatures.verify(key.accept(HASH, good))).isTrue();
        String unlabelled = sign(pair, HASH.hex().getBytes(StandardCharsets.US_ASCII));
        assertThat(code(() -> key.accept(HASH, unlabelled))).isEqualTo("INVALID_SIGNATURE");
        assertThat(code(() -> key.accept(ContractHash.of("another"), good))).isEqualTo("INVALID_SIGNATURE");
        assertThat(code(() -> key.accept(HASH, ""))).isEqualTo("INVALID_SIGNATURE");

        SignerKey revoked = key.revoke(NOW.plusSeconds(60));
        assertThat(revoked.revokedAt()).contains(NOW.plusSeconds(60));
        assertThat(code(() -> revoked.accept(HASH, good))).isEqualTo("SIGNING_KEY_REVOKED");
        assertThat(code(() -> revoked.revoke(NOW))).isEqualTo("SIGNING_KEY_REVOKED");
    }

    @Test
    void anythingButAnEd25519KeyIsRefused() {
        for (String bad : new String[] {
            null,
            "",
            "%%%",
            Base64.getEncoder().encodeToString(new byte[33]),
            Base64.getEncoder().encodeToString(new byte[44])
        }) {
            assertThat(code(() -> SignerKey.register("k", "org", "user", bad, NOW)))
                    .as(String.valueOf(bad))
                    .isEqualTo("INVALID_PUBLIC_KEY");
        }
    }

    private static String code(Runnable step) {
        try {
            step.run();
        } catch (Rejection r) {
            return r.code();
        }
        throw new AssertionError("not refused");
    }

    private static String sign(KeyPair pair, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }
}
