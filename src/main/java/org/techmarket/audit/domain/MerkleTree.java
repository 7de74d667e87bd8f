package org.techmarket.audit.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 9162 Merkle tree over the log's leaves: a leaf hashes as SHA-256(0x00 ‖ leaf input), an inner node as
 * SHA-256(0x01 ‖ left ‖ right). The tree is kept as its complete subtrees ({@link Node}), which never change once
 * their last leaf is in; every root and every proof of a tree of any size is a fold over O(log n) of them. The
 * proofs are first stated as ranges of leaves, so that a store can fetch all the nodes a proof needs at once.
 */
public final class MerkleTree {

    /** The root of the empty tree: SHA-256 of nothing. */
    public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private MerkleTree() {}

    /** A complete subtree: the {@code 2^level} leaves from {@code index * 2^level} on. */
    public record Node(int level, long index) {

        public Node {
            if (level < 0 || level > 62 || index < 0) {
                throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
            }
        }

        long first() {
            return index << level;
        }
    }

    /** A stored node and its hash. */
    public record HashedNode(Node node, byte[] hash) {}

    /** The leaves {@code [from, to)}; its hash is the RFC 9162 hash of that run of leaves as a tree of its own. */
    public record Range(long from, long to) {

        public Range {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("no such range: [" + from + ", " + to + ")");
            }
        }
    }

    public static byte[] leafHash(byte[] leafInput) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(leafInput);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    /**
     * The complete subtrees that make up {@code range}, largest first. For every range a tree's root or proofs name
     * these are the binary digits of its length, each aligned, and the range's hash folds them from the right.
     */
    public static List<Node> nodesOf(Range range) {
        List<Node> nodes = new ArrayList<>();
        long at = range.from();
        while (at < range.to()) {
            int level = at == 0 ? 62 : Long.numberOfTrailingZeros(at);
            while (level > 0 && (1L << level) > range.to() - at) {
                level--;
            }
            nodes.add(new Node(level, at >> level));
            at += 1L << level;
        }
        return nodes;
    }

    /** Every node the ranges need, each once. */
    public static Set<Node> nodesOf(List<Range> ranges) {
        Set<Node> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(nodesOf(range)));
        return nodes;
    }

    /** The hash of {@code range} from the hashes of its nodes. */
    public static byte[] hashOf(Range range, Map<Node, byte[]> hashes) {
        List<Node> nodes = nodesOf(range);
        byte[] hash = require(hashes, nodes.get(nodes.size() - 1));
        for (int i = nodes.size() - 2; i >= 0; i--) {
            hash = nodeHash(require(hashes, nodes.get(i)), hash);
        }
        return hash;
    }

    /** The hashes of the ranges, in order: a proof once its ranges are known. */
    public static List<byte[]> hashesOf(List<Range> ranges, Map<Node, byte[]> hashes) {
        return ranges.stream().map(range -> hashOf(range, hashes)).toList();
    }

    /** The ranges whose root is the root of the tree of {@code size} leaves (one, or none for the empty tree). */
    public static List<Range> rootRange(long size) {
        return size == 0 ? List.of() : List.of(new Range(0, size));
    }

    /** The RFC 9162 (2.1.3.1) audit path of leaf {@code index} in the tree of {@code size} leaves, as ranges. */
    public static List<Range> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    private static void path(long index, long from, long to, List<Range> path) {
        if (to - from <= 1) {
            return;
        }
        long split = from + splitOf(to - from);
        if (index < split) {
            path(index, from, split, path);
            path.add(new Range(split, to));
        } else {
            path(index, split, to, path);
            path.add(new Range(from, split));
        }
    }

    /**
     * The RFC 9162 (2.1.4.1) consistency proof from the tree of {@code from} leaves to that of {@code to}, as ranges;
     * empty when there is nothing to prove (the same size, or an empty first tree).
     */
    public static List<Range> consistencyPath(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<Range> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private static void subproof(long size, long from, long to, boolean whole, List<Range> proof) {
        if (size == to - from) {
            if (!whole) {
                proof.add(new Range(from, to));
            }
            return;
        }
        long split = splitOf(to - from);
        if (size <= split) {
            subproof(size, from, from + split, whole, proof);
            proof.add(new Range(from + split, to));
        } else {
            subproof(size - split, from + split, to, false, proof);
            proof.add(new Range(from, from + split));
        }
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2): where RFC 9162 splits a run of n leaves. */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Appends leaves to a tree of {@code size} leaves whose right edge ({@link #nodesOf} of {@code [0, size)}) is
     * {@code edge}, and returns the nodes that become complete: each new leaf and each subtree it completes. Each
     * leaf completes at most log₂ n nodes, and only the edge is read.
     */
    public static List<HashedNode> append(long size, List<HashedNode> edge, List<byte[]> leafHashes) {
        Deque<HashedNode> stack = new ArrayDeque<>();
        List<Node> expected = size == 0 ? List.of() : nodesOf(new Range(0, size));
        for (int i = 0; i < expected.size(); i++) {
            if (i >= edge.size() || !edge.get(i).node().equals(expected.get(i))) {
                throw new IllegalArgumentException("the edge of a tree of " + size + " is " + expected);
            }
            stack.push(edge.get(i));
        }
        List<HashedNode> completed = new ArrayList<>();
        long index = size;
        for (byte[] leafHash : leafHashes) {
            HashedNode node = new HashedNode(new Node(0, index++), leafHash);
            completed.add(node);
            while (!stack.isEmpty()
                    && stack.peek().node().level() == node.node().level()) {
                HashedNode left = stack.pop();
                node = new HashedNode(
                        new Node(node.node().level() + 1, left.node().index() / 2), nodeHash(left.hash(), node.hash()));
                completed.add(node);
            }
            stack.push(node);
        }
        return completed;
    }

    private static byte[] require(Map<Node, byte[]> hashes, Node node) {
        byte[] hash = hashes.get(node);
        if (hash == null) {
            throw new IllegalStateException("the tree has no node " + node);
        }
        return hash;
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
