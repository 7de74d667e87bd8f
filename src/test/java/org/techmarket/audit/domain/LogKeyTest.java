package org.techmarket.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LogKeyTest {

    private static final String NOTE = "techmarket.example/log\n7\nq0+8nY5zlNzy1dQfmHPhwd3H2wT9V5wJtN9B7I3nFak=\n";

    @Test
    void aNoteSignedAgainGetsTheLineASignatureOfItsOwnWouldGive() {
        LogKey key = LogKey.generate("market");
        String first = key.signatureLine(NOTE);
        String again = key.signatureLine(NOTE);
        assertThat(again).isEqualTo(first);
        assertThat(verifies(key, NOTE, again)).isTrue();
        // a second key holding the same private key signs the note afresh, and gets the same line
        assertThat(LogKey.of("market", key.stored()).signatureLine(NOTE)).isEqualTo(first);
    }

    @Test
    void anotherNoteIsSignedForItselfAndTheFirstStillVerifies() {
        LogKey key = LogKey.generate("market");
        String other = NOTE.replace("\n7\n", "\n8\n");
        String first = key.signatureLine(NOTE);
        String second = key.signatureLine(other);
        assertThat(second).isNotEqualTo(first);
        assertThat(verifies(key, other, second)).isTrue();
        assertThat(verifies(key, NOTE, second)).isFalse();
        assertThat(key.signatureLine(NOTE)).isEqualTo(first);
        assertThat(verifies(key, NOTE, key.signatureLine(NOTE))).isTrue();
    }

    /** Checks a line's signature as a verifier does: key ID, then the Ed25519 signature over the note's text. */
    private static boolean verifies(LogKey key, String text, String line) {
        String[] parts = line.strip().split(" ");
        byte[] keyed = Base64.getDecoder().decode(parts[2]);
        return parts[1].equals(key.name())
                && Arrays.equals(Arrays.copyOf(keyed, 4), key.keyId())
                && LogKey.verify(
                        key.publicKey(),
                        text.getBytes(StandardCharsets.UTF_8),
                        Arrays.copyOfRange(keyed, 4, keyed.length));
    }
}
