package org.techmarket.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public key as the C2SP signed-note format names it: a key name, a signature type and the key's bytes, identified in
 * signature lines by the name and a 4-byte key ID, SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]. Its text form is the
 * {@code vkey} {@code <name>+<8 hex digits of the key ID>+<base64(type ‖ key)>}. Only Ed25519 keys are taken: type
 * {@link #NOTE_ED25519} signs notes (a log's checkpoints), type {@link #COSIGNATURE_ED25519} signs timestamped
 * cosignatures (a witness's).
 */
public record VerifierKey(String name, byte type, byte[] publicKey) {

    /** Signature type of an Ed25519 note signature (signed-note). */
    public static final byte NOTE_ED25519 = 0x01;

    /** Signature type of a timestamped Ed25519 cosignature (tlog-cosignature, cosignature/v1). */
    public static final byte COSIGNATURE_ED25519 = 0x04;

    public VerifierKey {
        requireName(name);
        if (type != NOTE_ED25519 && type != COSIGNATURE_ED25519) {
            throw malformed("key type " + type + " is not an Ed25519 note or cosignature key");
        }
        Ed25519.requireLength(publicKey, Ed25519.KEY_BYTES, "public key");
        publicKey = publicKey.clone();
    }

    /** Reads a key in {@code vkey} form; refuses one whose stated key ID differs from the one its bytes give. */
    public static VerifierKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw malformed("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] typed = Notes.base64(parts[2], "verifier key");
        if (typed.length != 1 + Ed25519.KEY_BYTES) {
            throw malformed("a verifier key holds a type byte and a 32-byte Ed25519 key");
        }
        VerifierKey key = new VerifierKey(parts[0], typed[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!key.keyIdHex().equals(parts[1])) {
            throw malformed("the verifier key's ID " + parts[1] + " is not the one its name and key give");
        }
        return key;
    }

    /** The key ID: the first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key), big-endian. */
    public int keyId() {
        MessageDigest sha = MerkleProofs.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(type);
        sha.update(publicKey);
        return ByteBuffer.wrap(sha.digest()).getInt();
    }

    public String keyIdHex() {
        return HexFormat.of().toHexDigits(keyId());
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The key in {@code vkey} form. */
    @Override
    public String toString() {
        byte[] typed = Ed25519.concat(new byte[] {type}, publicKey);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey key
                && key.name.equals(name)
                && key.type == type
                && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey) + type;
    }

    static void requireName(String name) {
        if (name == null
                || name.isEmpty()
                || name.contains("+")
                || name.codePoints().anyMatch(Notes::isSpace)) {
            throw malformed("a key name is non-empty, without spaces or '+'");
        }
    }

    private static NotVerified malformed(String detail) {
        return new NotVerified(NotVerified.Failure.MALFORMED, detail);
    }
}
