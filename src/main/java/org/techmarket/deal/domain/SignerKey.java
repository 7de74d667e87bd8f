package org.techmarket.deal.domain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.techmarket.shared.Rejection;

/**
 * An Ed25519 public key that a user registered for its organization; the private key never reaches the market. The
 * key signs the organization's contracts until it is revoked; a revoked key signs nothing more, and signatures it made
 * before stay valid. The public key is kept as X.509 SubjectPublicKeyInfo in base64, whichever form it came in.
 */
public record SignerKey(
        String id,
        String organizationId,
        String userId,
        String publicKey,
        Instant registeredAt,
        Optional<Instant> revokedAt) {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private static final int RAW_BYTES = 32;

    public SignerKey {
        Require.text(id, "id", 100);
        Require.text(organizationId, "organizationId", 100);
        Require.text(userId, "userId", 100);
        Require.text(publicKey, "publicKey", 200);
        Require.present(registeredAt, "registeredAt");
        Require.present(revokedAt, "revokedAt");
    }

    /** A key registered now, from a public key given as base64 of the raw 32 bytes or of an X.509 SPKI. */
    public static SignerKey register(String id, String organizationId, String userId, String publicKey, Instant now) {
        return new SignerKey(id, organizationId, userId, canonical(publicKey), now, Optional.empty());
    }

    /** The first 16 hex digits of the SHA-256 of the public key, the same as a server-held key's fingerprint. */
    public String fingerprint() {
        return OrganizationKey.fingerprintOf(publicKey);
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }

    /** The key revoked: it signs nothing more. */
    public SignerKey revoke(Instant now) {
        if (revoked()) {
            throw Rejection.conflict(DealCodes.SIGNING_KEY_REVOKED, "Signing key " + id + " is already revoked");
        }
        return new SignerKey(id, organizationId, userId, publicKey, registeredAt, Optional.of(now));
    }

    /**
     * The signature, checked: the key is not revoked and {@code signature} (base64) is this key's Ed25519 signature
     * over {@code hash}'s signed message.
     */
    public ContractSignature accept(ContractHash hash, String signature) {
        if (revoked()) {
            throw Rejection.conflict(DealCodes.SIGNING_KEY_REVOKED, "Signing key " + id + " is revoked");
        }
        if (signature == null || signature.isBlank() || !Signatures.verify(publicKey, hash, signature)) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    DealCodes.INVALID_SIGNATURE,
                    "The signature is not key " + fingerprint() + "'s Ed25519 signature over techmarket-contract-v1:"
                            + hash);
        }
        return new ContractSignature(hash, publicKey, signature.strip());
    }

    /** The X.509 SPKI (base64) of an Ed25519 public key given as base64 raw bytes or SPKI; anything else is refused. */
    static String canonical(String given) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(given == null ? "" : given.strip());
        } catch (IllegalArgumentException e) {
            throw invalidKey();
        }
        byte[] spki = bytes.length == RAW_BYTES ? withPrefix(bytes) : bytes;
        if (spki.length != SPKI_PREFIX.length + RAW_BYTES
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw invalidKey();
        }
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw invalidKey();
        }
        return Base64.getEncoder().encodeToString(spki);
    }

    private static byte[] withPrefix(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, RAW_BYTES);
        return spki;
    }

    private static Rejection invalidKey() {
        return Rejection.invalid(
                DealCodes.INVALID_PUBLIC_KEY,
                "publicKey",
                "an Ed25519 public key: base64 of its 32 raw bytes or of its X.509 SubjectPublicKeyInfo");
    }

    @Override
    public String toString() {
        return "SignerKey[" + id + ", fingerprint=" + fingerprint() + (revoked() ? ", revoked" : "") + "]";
    }
}
