package org.techmarket.deal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An organization's signing key as stored: the Ed25519 public key (X.509, base64), which anyone may read, and the
 * private key sealed under the key-encryption key (see {@link Signatures}). Neither appears in {@link #toString()},
 * so keys never reach a log; the fingerprint identifies the key instead.
 */
public record OrganizationKey(String publicKey, String sealedPrivateKey) {

    public OrganizationKey {
        Require.text(publicKey, "publicKey", 200);
        Require.text(sealedPrivateKey, "sealedPrivateKey", 500);
    }

    /** The first 16 hex digits of the SHA-256 of the public key, for showing which key signed. */
    public String fingerprint() {
        return fingerprintOf(publicKey);
    }

    static String fingerprintOf(String publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "OrganizationKey[fingerprint=" + fingerprint() + "]";
    }
}
