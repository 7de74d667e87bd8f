package org.techmarket.verify.witness;

import java.util.Base64;
import org.techmarket.verify.MerkleProofs;
import org.techmarket.verify.NotVerified;

/** A consistency proof as the witness protocol carries it: one base64 hash per line. */
final class ProofLines {

    private ProofLines() {}

    static byte[] hash(String line) {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            if (hash.length == MerkleProofs.HASH_BYTES) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new NotVerified(NotVerified.Failure.MALFORMED, "a proof line is the base64 of a 32-byte hash");
    }
}
