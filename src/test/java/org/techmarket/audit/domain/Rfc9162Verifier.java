package org.techmarket.audit.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162's verification of inclusion (2.1.3.2) and consistency (2.1.4.2) proofs, written out from the RFC and
 * independent of the tree that makes the proofs, so that a test can check one against the other.
 */
public final class Rfc9162Verifier {

    private Rfc9162Verifier() {}

    public static boolean verifiesInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || leafHash.length != 32 || root.length != 32) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    public static boolean verifiesConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first <= 0 || first > second) {
            // A proof from the empty tree proves nothing, and is not accepted as one.
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new java.util.ArrayList<>(proof);
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** The root of a tree of these leaf hashes by RFC 9162's recursive definition (2.1.1), computed naively. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return node(rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }

    private static byte[] node(byte[] left, byte[] right) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0x01);
            digest.update(left);
            return digest.digest(right);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
