package org.techmarket.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * C2SP tlog-cosignature, Ed25519 cosignature/v1: a witness's signature line on a checkpoint, whose bytes after the key
 * ID are an 8-byte big-endian timestamp and an Ed25519 signature over {@code "cosignature/v1\ntime <t>\n"} followed by
 * the checkpoint's whole note text (extension lines included).
 */
public final class Cosignatures {

    private Cosignatures() {}

    /** The exact bytes a witness signs for a checkpoint at a timestamp (seconds since the epoch). */
    public static byte[] signedMessage(String checkpointText, long timestamp) {
        if (timestamp < 0) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "a cosignature's timestamp is not negative");
        }
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses unless the note carries a cosignature by this witness key that verifies, and every line claiming to be by
     * it verifies; returns the latest timestamp among them.
     */
    public static long verify(VerifierKey witness, SignedNote note) {
        if (witness.type() != VerifierKey.COSIGNATURE_ED25519) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "key " + witness.name() + " is not a cosigner key");
        }
        List<SignedNote.Line> claimed = note.signatures().stream()
                .filter(line -> line.claimsKey(witness))
                .toList();
        if (claimed.isEmpty()) {
            throw new NotVerified(
                    NotVerified.Failure.BAD_SIGNATURE, "the checkpoint carries no cosignature by " + witness.name());
        }
        long latest = -1;
        for (SignedNote.Line line : claimed) {
            byte[] bytes = line.signature();
            if (bytes.length != 8 + Ed25519.SIGNATURE_BYTES) {
                throw new NotVerified(NotVerified.Failure.MALFORMED, "a cosignature is 8 + 64 bytes after its key ID");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long timestamp = buffer.getLong();
            byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
            buffer.get(signature);
            if (timestamp < 0
                    || !Ed25519.verifies(witness.publicKey(), signedMessage(note.text(), timestamp), signature)) {
                throw new NotVerified(
                        NotVerified.Failure.BAD_SIGNATURE, "the cosignature by " + witness.name() + " does not verify");
            }
            latest = Math.max(latest, timestamp);
        }
        return latest;
    }
}
