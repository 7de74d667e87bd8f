package org.techmarket.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 Merkle tree proofs (section 2.1): a leaf's hash is SHA-256(0x00 ‖ leaf input), an inner
 * node's SHA-256(0x01 ‖ left ‖ right). An inclusion proof leads from a leaf to the root of a tree of a given size; a
 * consistency proof shows that the tree of the first size is a prefix of the tree of the second. Every check refuses
 * with {@link NotVerified} rather than answering false, so that no caller can forget to look.
 */
public final class MerkleProofs {

    /** Bytes in a SHA-256 hash: every leaf hash, node hash, root and proof element has exactly this many. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleProofs() {}

    /** The hash of a leaf whose input is these exact bytes. */
    public static byte[] leafHash(byte[] leafInput) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(leafInput);
        return sha.digest();
    }

    /** The hash of an inner node over its two children. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /**
     * The root that an inclusion proof leads to from the leaf at {@code index} of a tree of {@code treeSize} leaves
     * (RFC 9162 section 2.1.3.2); refuses a proof whose length does not fit the index and size.
     */
    public static byte[] rootFromInclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || treeSize < 1 || index >= treeSize) {
            throw badProof("leaf index " + index + " is outside a tree of " + treeSize);
        }
        requireHash(leafHash, "leaf hash");
        proof.forEach(hash -> requireHash(hash, "proof hash"));
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw badProof("inclusion proof is longer than a tree of " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw badProof("inclusion proof is shorter than a tree of " + treeSize + " needs");
        }
        return r;
    }

    /** Refuses unless the proof shows the leaf at {@code index} in the tree of {@code treeSize} with this root. */
    public static void verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw badProof("inclusion proof of leaf " + index + " leads to another root than the tree of " + treeSize
                    + " has");
        }
    }

    /**
     * Refuses unless the proof shows that the tree of {@code size1} leaves with {@code root1} is a prefix of the tree of
     * {@code size2} leaves with {@code root2} (RFC 9162 section 2.1.4.2). Equal sizes need an empty proof and equal
     * roots; a first size of zero proves nothing and is refused (a party with no earlier tree head has nothing to
     * check).
     */
    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 1 || size2 < size1) {
            throw badProof("no consistency proof leads from a tree of " + size1 + " to one of " + size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw badProof("trees of equal size need an empty consistency proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw inconsistent("two trees of " + size1 + " leaves have different roots");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw badProof("a consistency proof between different sizes cannot be empty");
        }
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        proof.forEach(hash -> requireHash(hash, "proof hash"));
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw badProof("consistency proof is longer than sizes " + size1 + " and " + size2 + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw badProof("consistency proof is shorter than sizes " + size1 + " and " + size2 + " need");
        }
        if (!MessageDigest.isEqual(fr, root1) || !MessageDigest.isEqual(sr, root2)) {
            throw inconsistent(
                    "the tree of " + size1 + " is not a prefix of the tree of " + size2 + " with the stated roots");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_BYTES) {
            throw badProof(
                    "a " + what + " must be " + HASH_BYTES + " bytes, not " + (hash == null ? "missing" : hash.length));
        }
    }

    private static NotVerified badProof(String detail) {
        return new NotVerified(NotVerified.Failure.BAD_PROOF, detail);
    }

    private static NotVerified inconsistent(String detail) {
        return new NotVerified(NotVerified.Failure.INCONSISTENT, detail);
    }
}
