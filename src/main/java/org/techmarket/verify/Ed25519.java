package org.techmarket.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) with keys as the raw 32 bytes the signed-note format carries, on the Java platform's own
 * implementation. The raw bytes are wrapped in the fixed DER prefixes of RFC 8410 to reach the platform's key types.
 */
public final class Ed25519 {

    /** Bytes in a public key and in a private key's seed. */
    public static final int KEY_BYTES = 32;

    /** Bytes in a signature. */
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] PUBLIC_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };
    private static final byte[] PRIVATE_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };

    private Ed25519() {}

    /** A new key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 platform", e);
        }
    }

    /** The raw 32 bytes of a public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    /** The raw 32-byte seed of a private key. */
    public static byte[] rawPrivateKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    /** The private key whose seed is these 32 bytes. */
    public static PrivateKey privateKey(byte[] seed) {
        requireLength(seed, KEY_BYTES, "private key");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "not an Ed25519 private key");
        }
    }

    /** The signature of {@code message} by {@code key}. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code message} by the raw public key. */
    public static boolean verifies(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A public key that is not a curve point, or a signature out of range, verifies nothing.
            return false;
        }
    }

    static void requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new NotVerified(
                    NotVerified.Failure.MALFORMED,
                    "an Ed25519 " + what + " is " + length + " bytes, not " + bytes.length);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
