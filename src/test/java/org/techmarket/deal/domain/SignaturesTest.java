package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final byte[] KEK = filled(7);
    private static final ContractHash HASH = ContractHash.of("a contract");

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    private final Signatures signatures = new Signatures(KEK);

    @Test
    void aSignatureMadeWithTheSealedKeyVerifiesWithThePublicKey() {
        OrganizationKey key = signatures.generateKey();
        ContractSignature signed = signatures.sign(key, HASH);
        assertThat(signed.publicKey()).isEqualTo(key.publicKey());
        assertThat(Signatures.verify(signed)).isTrue();
        assertThat(Signatures.verify(key.publicKey(), HASH, signed.signature())).isTrue();
        assertThat(Base64.getDecoder().decode(signed.signature())).hasSize(64);
        // Ed25519 is deterministic: the same key signs the same hash the same way.
        assertThat(signatures.sign(key, HASH).signature()).isEqualTo(signed.signature());
    }

    @Test
    void theStoredPublicKeyIsX509AndThePrivateKeyIsSealedWithAFreshNonce() {
        OrganizationKey key = signatures.generateKey();
        assertThat(Base64.getDecoder().decode(key.publicKey())).hasSize(44);
        String[] sealed = key.sealedPrivateKey().split(":");
        assertThat(sealed).hasSize(4);
        assertThat(sealed[0]).isEqualTo("aes256gcm-v1");
        assertThat(Base64.getDecoder().decode(sealed[2])).hasSize(12);
        assertThat(signatures.generateKey().sealedPrivateKey().split(":")[2]).isNotEqualTo(sealed[2]);
    }

    @Test
    void aTamperedHashOrSignatureOrAnotherKeyDoesNotVerify() {
        OrganizationKey key = signatures.generateKey();
        ContractSignature signed = signatures.sign(key, HASH);
        assertThat(Signatures.verify(key.publicKey(), ContractHash.of("a contract."), signed.signature()))
                .isFalse();
        byte[] bytes = Base64.getDecoder().decode(signed.signature());
        bytes[10] ^= 1;
        assertThat(Signatures.verify(key.publicKey(), HASH, Base64.getEncoder().encodeToString(bytes)))
                .isFalse();
        assertThat(Signatures.verify(signatures.generateKey().publicKey(), HASH, signed.signature()))
                .isFalse();
    }

    @Test
    void malformedInputIsNotValidRatherThanAnError() {
        OrganizationKey key = signatures.generateKey();
        String signature = signatures.sign(key, HASH).signature();
        assertThat(Signatures.verify("not base64!", HASH, signature)).isFalse();
        assertThat(Signatures.verify(key.publicKey(), HASH, "AAAA")).isFalse();
        assertThat(Signatures.verify(Base64.getEncoder().encodeToString(new byte[44]), HASH, signature))
                .isFalse();
    }

    @Test
    void theWrongKeyEncryptionKeyFailsWithAClearError() {
        OrganizationKey key = signatures.generateKey();
        Signatures otherKek = new Signatures(filled(8));
        assertThatThrownBy(() -> otherKek.sign(key, HASH))
                .isInstanceOf(SealedKeyException.class)
                .hasMessageContaining("was sealed under key-encryption key")
                .hasMessageContaining("configure the key it was sealed with");
    }

    @Test
    void anAlteredOrMovedSealedKeyDoesNotOpen() {
        OrganizationKey key = signatures.generateKey();
        String[] parts = key.sealedPrivateKey().split(":");
        byte[] ciphertext = Base64.getDecoder().decode(parts[3]);
        ciphertext[5] ^= 1;
        OrganizationKey altered = new OrganizationKey(
                key.publicKey(),
                String.join(
                        ":", parts[0], parts[1], parts[2], Base64.getEncoder().encodeToString(ciphertext)));
        assertThatThrownBy(() -> signatures.sign(altered, HASH))
                .isInstanceOf(SealedKeyException.class)
                .hasMessageContaining("does not open");
        OrganizationKey moved = new OrganizationKey(signatures.generateKey().publicKey(), key.sealedPrivateKey());
        assertThatThrownBy(() -> signatures.sign(moved, HASH))
                .isInstanceOf(SealedKeyException.class)
                .hasMessageContaining("does not open");
        OrganizationKey garbled = new OrganizationKey(key.publicKey(), "plain-text-key");
        assertThatThrownBy(() -> signatures.sign(garbled, HASH))
                .isInstanceOf(SealedKeyException.class)
                .hasMessageContaining("format");
    }

    @Test
    void keysNeverAppearInToString() {
        OrganizationKey key = signatures.generateKey();
        ContractSignature signed = signatures.sign(key, HASH);
        for (String text : new String[] {key.toString(), signed.toString(), signatures.toString()}) {
            assertThat(text)
                    .doesNotContain(
                            key.publicKey(),
                            key.sealedPrivateKey(),
                            key.sealedPrivateKey().split(":")[3],
                            Base64.getEncoder().encodeToString(KEK));
        }
        assertThat(key.toString()).contains(key.fingerprint()).hasSizeLessThan(60);
        assertThat(signed.toString()).contains(HASH.hex());
    }

    @Test
    void theKeyEncryptionKeyIsExactly32Bytes() {
        assertThatThrownBy(() -> new Signatures(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Signatures(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changingTheCallersKekArrayLaterChangesNothing() {
        byte[] kek = filled(9);
        Signatures mine = new Signatures(kek);
        OrganizationKey key = mine.generateKey();
        Arrays.fill(kek, (byte) 0);
        assertThat(Signatures.verify(mine.sign(key, HASH))).isTrue();
    }
}
