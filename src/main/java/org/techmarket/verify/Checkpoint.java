package org.techmarket.verify;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: the log's origin line, the tree size in decimal, the root hash in base64, then any
 * extension lines, each ending in a newline. A checkpoint means nothing until the note carrying it is verified with
 * the log's key ({@link SignedNote#verifiedBy}).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin.isEmpty() || size < 0 || rootHash.length != MerkleProofs.HASH_BYTES) {
            throw malformed("a checkpoint has an origin, a size of zero or more and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        if (extensions.stream().anyMatch(String::isEmpty)) {
            throw malformed("a checkpoint's extension lines are not empty");
        }
    }

    /** Reads a checkpoint from a note's text. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw malformed("a checkpoint body ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw malformed("a checkpoint has an origin line, a size line and a root hash line");
        }
        List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
        return new Checkpoint(lines[0], size(lines[1]), Notes.base64(lines[2], "checkpoint's root hash"), extensions);
    }

    /** A tree size as the witness and checkpoint formats write it: ASCII decimal without leading zeroes. */
    public static long size(String decimal) {
        if (!decimal.matches("0|[1-9][0-9]{0,18}")) {
            throw malformed("a tree size is a decimal number without leading zeroes: " + abbreviated(decimal));
        }
        try {
            return Long.parseLong(decimal);
        } catch (NumberFormatException e) {
            throw malformed("a tree size this large is not supported: " + decimal);
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The body as signed: the lines, each with its newline. */
    public String body() {
        StringBuilder out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    private static NotVerified malformed(String detail) {
        return new NotVerified(NotVerified.Failure.MALFORMED, detail);
    }
}
