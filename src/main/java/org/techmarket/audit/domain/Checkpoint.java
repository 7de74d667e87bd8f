package org.techmarket.audit.domain;

import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint: the log's origin, its tree size and the root hash of the tree of that size. Its note text
 * is exactly {@code <origin>\n<size>\n<base64 root>\n}; signed, it is followed by an empty line and one signature
 * line per signer, the log's first, then any witnesses' cosignatures.
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a log origin is one line of text");
        }
        if (size < 0 || root.length != 32) {
            throw new IllegalArgumentException("a checkpoint has a size and a 32-byte root");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text the signatures cover. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** The signed note: the text, an empty line, the log key's signature line, then the cosignature lines. */
    public String signedNote(LogKey key, List<String> cosignatureLines) {
        StringBuilder note = new StringBuilder(text()).append('\n').append(key.signatureLine(text()));
        cosignatureLines.forEach(line -> note.append(line.endsWith("\n") ? line : line + "\n"));
        return note.toString();
    }
}
