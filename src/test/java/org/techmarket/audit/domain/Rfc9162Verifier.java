package org.techmarket.audit.domain;

import java.util.List;
import org.techmarket.verify.MerkleProofs;
import org.techmarket.verify.NotVerified;

/**
 * The log's tests check its proofs with the verifier anyone runs ({@link MerkleProofs}, written from RFC 9162
 * independently of the tree that makes the proofs), and its roots against the RFC's recursive definition.
 */
public final class Rfc9162Verifier {

    private Rfc9162Verifier() {}

    /** Whether the proof shows the leaf at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifiesInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        try {
            MerkleProofs.verifyInclusion(index, size, leafHash, proof, root);
            return true;
        } catch (NotVerified e) {
            return false;
        }
    }

    /** Whether the proof shows the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static boolean verifiesConsistency(
            long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        try {
            MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof);
            return true;
        } catch (NotVerified e) {
            return false;
        }
    }

    /** The root of a tree of these leaf hashes by RFC 9162's recursive definition, the naive oracle. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleProofs.nodeHash(
                rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }
}
