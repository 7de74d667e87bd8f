package org.techmarket.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Logs for tests: a tree of entries, checkpoints of it signed by a log key, and witness requests about them. */
public final class TestLogs {

    private TestLogs() {}

    /** A log of {@code size} entries named {@code prefix + i}. */
    public static Log log(String origin, NoteSigner key, int size, String prefix) {
        return new Log(origin, key, TestTree.of(size, prefix), prefix);
    }

    /** One log's history; {@link #forkedAt} gives another history signed by the same key. */
    public record Log(String origin, NoteSigner key, TestTree tree, String prefix) {

        /** The signed checkpoint of the first {@code size} entries. */
        public String note(int size) {
            Checkpoint checkpoint = new Checkpoint(origin, size, tree.root(size), List.of());
            return key.signedNote(checkpoint.body()).encoded();
        }

        /** The same log with entry {@code index} rewritten, as a forked view would show it. */
        public Log forkedAt(int index) {
            TestTree fork = TestTree.of(tree.size(), prefix);
            fork.replace(index, prefix + index + " (rewritten)");
            return new Log(origin, key, fork, prefix);
        }

        public byte[] leafInput(int index) {
            return tree.leafInput(index);
        }

        public byte[] root(int size) {
            return tree.root(size);
        }

        public List<byte[]> inclusion(int index, int size) {
            return tree.inclusion(index, size);
        }

        public List<byte[]> consistency(int from, int to) {
            return from == 0 || from >= to ? List.of() : tree.consistency(from, to);
        }

        /** A tlog-witness add-checkpoint body: old size, the proof from it, a blank line, the checkpoint of size. */
        public byte[] addRequest(int oldSize, int size) {
            StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
            consistency(oldSize, size)
                    .forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash))
                            .append('\n'));
            return body.append('\n').append(note(size)).toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
