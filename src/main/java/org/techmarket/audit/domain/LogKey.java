package org.techmarket.audit.domain;

import java.nio.charset.StandardCharsets;
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
import java.util.Base64;
import java.util.HexFormat;

/**
 * The market's Ed25519 log key, which signs checkpoints as C2SP signed notes. Its key ID is the first four bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), 0x01 being the signed-note code for Ed25519; verifiers know it by its
 * {@link #verifierKey()}. Its stored form (two lines: base64 of the PKCS#8 private key, base64 of the 32-byte public
 * key) is kept in the data directory or configuration, never in the database or the repository.
 */
public final class LogKey {

    private static final byte ED25519 = 0x01;
    /** The DER prefix of an X.509 Ed25519 public key: what precedes its 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    /**
     * The last note text this key signed and its line. Ed25519 signatures are deterministic (RFC 8032), so the line of a
     * text never changes; every read of the latest checkpoint (the regulator's desk, the log's API) asks for the same
     * text until the next checkpoint is issued, and a signature costs far more than the rest of such a read.
     */
    private volatile Signed lastSigned;

    private record Signed(String text, String line) {}

    private LogKey(String name, PrivateKey privateKey, byte[] publicKey) {
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("a key name is not empty and has no spaces or '+': " + name);
        }
        this.name = name;
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
        if (!verify(publicKey, "key check\n".getBytes(StandardCharsets.UTF_8), sign("key check\n"))) {
            throw new IllegalArgumentException("the stored private and public log keys are not a pair");
        }
    }

    /** A new key under {@code name}. */
    public static LogKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            return new LogKey(name, pair.getPrivate(), Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of Java 17", e);
        }
    }

    /** The key named {@code name} from its {@link #stored()} form. */
    public static LogKey of(String name, String stored) {
        String[] lines = stored.strip().split("\\s+");
        if (lines.length != 2) {
            throw new IllegalArgumentException("a stored log key is two lines: the private key, the public key");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            PrivateKey privateKey =
                    KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(base64.decode(lines[0])));
            return new LogKey(name, privateKey, base64.decode(lines[1]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the stored log key is not an Ed25519 key pair", e);
        }
    }

    /** The form in which the key is kept: base64 of the PKCS#8 private key, then base64 of the public key. */
    public String stored() {
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(privateKey.getEncoded()) + "\n" + base64.encodeToString(publicKey) + "\n";
    }

    public String name() {
        return name;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The signed-note key ID: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), first four bytes. */
    public byte[] keyId() {
        var digest = MerkleTree.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x0A);
        digest.update(ED25519);
        return Arrays.copyOf(digest.digest(publicKey), 4);
    }

    /** The verifier key in signed-note form: {@code <name>+<hex key ID>+<base64(0x01 ‖ public key)>}. */
    public String verifierKey() {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** The signature line this key adds to a note whose text is {@code text}: {@code — <name> <base64(key ID ‖ sig)>}. */
    public String signatureLine(String text) {
        Signed last = lastSigned;
        if (last != null && last.text().equals(text)) {
            return last.line();
        }
        String line = newSignatureLine(text);
        lastSigned = new Signed(text, line);
        return line;
    }

    private String newSignatureLine(String text) {
        byte[] signature = sign(text);
        byte[] keyed = new byte[4 + signature.length];
        System.arraycopy(keyId(), 0, keyed, 0, 4);
        System.arraycopy(signature, 0, keyed, 4, signature.length);
        return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(keyed) + "\n";
    }

    private byte[] sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with the log key", e);
        }
    }

    /** Whether {@code signature} is the Ed25519 signature of {@code message} under the raw {@code publicKey}. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            byte[] encoded = new byte[X509_PREFIX.length + publicKey.length];
            System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
            System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, publicKey.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
