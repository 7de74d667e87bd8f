package org.techmarket.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree built the slow, obvious way of RFC 9162 section 2.1 (the recursive MTH, PATH and PROOF definitions),
 * for tests that need a log to verify: leaves are the texts given.
 */
final class TestTree {

    private final List<byte[]> leafInputs = new ArrayList<>();

    TestTree append(String... entries) {
        for (String entry : entries) {
            leafInputs.add(entry.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    static TestTree of(int size, String prefix) {
        TestTree tree = new TestTree();
        for (int i = 0; i < size; i++) {
            tree.append(prefix + i);
        }
        return tree;
    }

    int size() {
        return leafInputs.size();
    }

    byte[] leafInput(int index) {
        return leafInputs.get(index).clone();
    }

    void replace(int index, String entry) {
        leafInputs.set(index, entry.getBytes(StandardCharsets.UTF_8));
    }

    byte[] root(int size) {
        return mth(0, size);
    }

    List<byte[]> inclusion(int index, int size) {
        return path(index, 0, size);
    }

    List<byte[]> consistency(int from, int to) {
        return subproof(from, 0, to, true);
    }

    private byte[] mth(int start, int end) {
        if (end - start == 1) {
            return MerkleProofs.leafHash(leafInputs.get(start));
        }
        int k = split(end - start);
        return MerkleProofs.nodeHash(mth(start, start + k), mth(start + k, end));
    }

    private List<byte[]> path(int m, int start, int end) {
        List<byte[]> out = new ArrayList<>();
        if (end - start <= 1) {
            return out;
        }
        int k = split(end - start);
        if (m < k) {
            out.addAll(path(m, start, start + k));
            out.add(mth(start + k, end));
        } else {
            out.addAll(path(m - k, start + k, end));
            out.add(mth(start, start + k));
        }
        return out;
    }

    private List<byte[]> subproof(int m, int start, int end, boolean complete) {
        List<byte[]> out = new ArrayList<>();
        int n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(mth(start, end));
            }
            return out;
        }
        int k = split(n);
        if (m <= k) {
            out.addAll(subproof(m, start, start + k, complete));
            out.add(mth(start + k, end));
        } else {
            out.addAll(subproof(m - k, start + k, end, false));
            out.add(mth(start, start + k));
        }
        return out;
    }

    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
