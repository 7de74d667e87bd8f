package org.techmarket.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;

/**
 * A named Ed25519 signing key: signs note texts ({@link VerifierKey#NOTE_ED25519}, a log's checkpoints) or cosigns
 * checkpoints ({@link VerifierKey#COSIGNATURE_ED25519}, a witness's cosignature/v1), producing signature lines.
 */
public final class NoteSigner {

    private final VerifierKey verifierKey;
    private final PrivateKey privateKey;

    private NoteSigner(VerifierKey verifierKey, PrivateKey privateKey) {
        this.verifierKey = verifierKey;
        this.privateKey = privateKey;
    }

    /** A key that signs notes, such as a log's checkpoints. */
    public static NoteSigner noteKey(String name, KeyPair keys) {
        return new NoteSigner(
                new VerifierKey(name, VerifierKey.NOTE_ED25519, Ed25519.rawPublicKey(keys.getPublic())),
                keys.getPrivate());
    }

    /** A witness's key, which cosigns checkpoints. */
    public static NoteSigner cosignerKey(String name, KeyPair keys) {
        return new NoteSigner(
                new VerifierKey(name, VerifierKey.COSIGNATURE_ED25519, Ed25519.rawPublicKey(keys.getPublic())),
                keys.getPrivate());
    }

    /** A cosigner key from its raw seed and public key, as a witness's key file holds them. */
    public static NoteSigner cosignerKey(VerifierKey verifierKey, byte[] seed) {
        if (verifierKey.type() != VerifierKey.COSIGNATURE_ED25519) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "a witness's key is a cosignature key");
        }
        NoteSigner signer = new NoteSigner(verifierKey, Ed25519.privateKey(seed));
        byte[] probe = "key check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verifies(verifierKey.publicKey(), probe, Ed25519.sign(signer.privateKey, probe))) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "the private key does not match the public key");
        }
        return signer;
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    /** The raw seed of the private key, for the key file only. */
    public byte[] seed() {
        return Ed25519.rawPrivateKey(privateKey);
    }

    /** The signature line of a note key over this note text. */
    public SignedNote.Line sign(String text) {
        requireType(VerifierKey.NOTE_ED25519);
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote.Line(verifierKey.name(), verifierKey.keyId(), signature);
    }

    /** The signed note of this text with this key's signature alone. */
    public SignedNote signedNote(String text) {
        return new SignedNote(text, List.of(sign(text)));
    }

    /**
     * The cosignature/v1 line of a witness key over a checkpoint's note text at a time: 8 bytes of the timestamp
     * (big-endian seconds since the epoch) then the Ed25519 signature of {@link Cosignatures#signedMessage}.
     */
    public SignedNote.Line cosign(String checkpointText, long timestamp) {
        requireType(VerifierKey.COSIGNATURE_ED25519);
        byte[] signature = Ed25519.sign(privateKey, Cosignatures.signedMessage(checkpointText, timestamp));
        byte[] timestamped = ByteBuffer.allocate(8 + signature.length)
                .putLong(timestamp)
                .put(signature)
                .array();
        return new SignedNote.Line(verifierKey.name(), verifierKey.keyId(), timestamped);
    }

    private void requireType(byte type) {
        if (verifierKey.type() != type) {
            throw new IllegalStateException("key " + verifierKey.name() + " is not of signature type " + type);
        }
    }
}
