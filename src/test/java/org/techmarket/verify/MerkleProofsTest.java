package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.verify.SignedNoteTest.assertFails;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier agrees with the RFC's recursive definitions on every leaf and every pair of sizes up to 33. */
class MerkleProofsTest {

    private final TestTree tree = TestTree.of(33, "event ");

    @Test
    void every_inclusion_proof_of_every_tree_verifies_and_a_wrong_leaf_does_not() {
        for (int size = 1; size <= tree.size(); size++) {
            for (int index = 0; index < size; index++) {
                byte[] leaf = MerkleProofs.leafHash(tree.leafInput(index));
                MerkleProofs.verifyInclusion(index, size, leaf, tree.inclusion(index, size), tree.root(size));
                int other = (index + 1) % size;
                if (other != index) {
                    int i = index;
                    int s = size;
                    assertFails(
                            () -> MerkleProofs.verifyInclusion(other, s, leaf, tree.inclusion(i, s), tree.root(s)),
                            NotVerified.Failure.BAD_PROOF);
                }
            }
        }
    }

    @Test
    void every_consistency_proof_between_sizes_verifies_and_a_forked_tree_does_not() {
        TestTree fork = TestTree.of(33, "event ");
        fork.replace(0, "event 0, rewritten");
        for (int from = 1; from <= tree.size(); from++) {
            for (int to = from; to <= tree.size(); to++) {
                MerkleProofs.verifyConsistency(from, to, tree.root(from), tree.root(to), tree.consistency(from, to));
                int f = from;
                int t = to;
                assertFails(
                        () -> MerkleProofs.verifyConsistency(f, t, tree.root(f), fork.root(t), fork.consistency(f, t)),
                        NotVerified.Failure.INCONSISTENT);
            }
        }
    }

    @Test
    void a_proof_with_a_hash_added_or_removed_is_refused() {
        List<byte[]> proof = new ArrayList<>(tree.consistency(5, 13));
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(new byte[32]);

        assertFails(
                () -> MerkleProofs.verifyConsistency(5, 13, tree.root(5), tree.root(13), longer),
                NotVerified.Failure.BAD_PROOF);
        assertFails(
                () -> MerkleProofs.verifyConsistency(
                        5, 13, tree.root(5), tree.root(13), proof.subList(1, proof.size())),
                NotVerified.Failure.BAD_PROOF);
        assertThat(MerkleProofs.rootFromInclusionProof(
                        3, 13, MerkleProofs.leafHash(tree.leafInput(3)), tree.inclusion(3, 13)))
                .isEqualTo(tree.root(13));
    }
}
