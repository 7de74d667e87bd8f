package org.techmarket.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines
 * {@code — <key name> <base64(key ID ‖ signature)>}. The text is separated from the signatures by the last blank
 * line. Reading a note checks only its form; {@link #verifiedBy} checks a trusted key's signature on it, ignoring
 * signatures from keys it does not know.
 */
public record SignedNote(String text, List<Line> signatures) {

    /** At most this many signature lines are read; the specification requires accepting at least 16. */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line: the signer's key name, its key ID and the signature bytes after the key ID. */
    public record Line(String keyName, int keyId, byte[] signature) {

        public Line {
            VerifierKey.requireName(keyName);
            signature = signature.clone();
        }

        /** Reads one line without its newline. */
        public static Line parse(String line) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw malformed("a signature line starts with an em dash and a space");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw malformed("a signature line is '— <key name> <base64 signature>'");
            }
            byte[] bytes = Notes.base64(rest.substring(space + 1), "signature");
            if (bytes.length < 5) {
                throw malformed("a signature holds a 4-byte key ID and the signature");
            }
            return new Line(
                    rest.substring(0, space),
                    ByteBuffer.wrap(bytes).getInt(),
                    Arrays.copyOfRange(bytes, 4, bytes.length));
        }

        /** Whether the line claims to be by this key: the same name and key ID. */
        public boolean claimsKey(VerifierKey key) {
            return keyName.equals(key.name()) && keyId == key.keyId();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        /** The line as written in a note, with its newline. */
        public String text() {
            byte[] bytes = ByteBuffer.allocate(4 + signature.length)
                    .putInt(keyId)
                    .put(signature)
                    .array();
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** Reads a note from its bytes, which must be valid UTF-8. */
    public static SignedNote parse(byte[] note) {
        return parse(Notes.utf8(note));
    }

    /** Reads a note, checking its form only. */
    public static SignedNote parse(String note) {
        if (note.codePoints().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw malformed("a note holds no control characters but newlines");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || split + 2 >= note.length() || !note.endsWith("\n")) {
            throw malformed("a note is a text, a blank line and signature lines, each ending in a newline");
        }
        String text = note.substring(0, split + 1);
        List<Line> lines = new ArrayList<>();
        for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
            if (lines.size() == MAX_SIGNATURES) {
                throw malformed("a note may carry at most " + MAX_SIGNATURES + " signatures");
            }
            lines.add(Line.parse(line));
        }
        return new SignedNote(text, lines);
    }

    /**
     * Refuses unless a signature by this note key (type {@link VerifierKey#NOTE_ED25519}) is on the note and every
     * signature claiming to be by it verifies; returns the note's text.
     */
    public String verifiedBy(VerifierKey key) {
        if (key.type() != VerifierKey.NOTE_ED25519) {
            throw malformed("key " + key.name() + " is not a note-signing key");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<Line> claimed =
                signatures.stream().filter(line -> line.claimsKey(key)).toList();
        if (claimed.isEmpty()) {
            throw new NotVerified(NotVerified.Failure.BAD_SIGNATURE, "the note carries no signature by " + key.name());
        }
        for (Line line : claimed) {
            if (!Ed25519.verifies(key.publicKey(), message, line.signature())) {
                throw new NotVerified(
                        NotVerified.Failure.BAD_SIGNATURE, "the signature by " + key.name() + " does not verify");
            }
        }
        return text;
    }

    /** The same text with these signature lines added after the ones it has. */
    public SignedNote with(List<Line> more) {
        List<Line> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /** The note as written: text, blank line, signature lines. */
    public String encoded() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(line -> out.append(line.text()));
        return out.toString();
    }

    private static NotVerified malformed(String detail) {
        return new NotVerified(NotVerified.Failure.MALFORMED, detail);
    }
}
