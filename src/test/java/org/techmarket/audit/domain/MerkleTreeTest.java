package org.techmarket.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.techmarket.audit.domain.MerkleTree.HashedNode;
import org.techmarket.audit.domain.MerkleTree.Node;
import org.techmarket.audit.domain.MerkleTree.Range;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tree kept as complete subtrees gives the roots and proofs of RFC 9162: against the RFC's recursive definition
 * computed naively, against an independent RFC 9162 verifier, and against transparency-dev's test vectors.
 */
class MerkleTreeTest {

    /** The leaves of RFC 6962's and transparency-dev's test trees. */
    private static final List<byte[]> VECTOR_LEAVES = Stream.of(
                    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f")
            .map(HexFormat.of()::parseHex)
            .toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theRootsOfAGrowingTreeAreTheRecursiveRootsOfRfc9162() {
        Store store = new Store();
        List<byte[]> leaves = randomLeafHashes(70, 1);
        assertThat(store.root()).isEqualTo(MerkleTree.EMPTY_ROOT);
        int appended = 0;
        for (int batch : new int[] {1, 1, 2, 5, 8, 3, 17, 1, 32}) {
            store.append(leaves.subList(appended, appended + batch));
            appended += batch;
            assertThat(store.root()).isEqualTo(Rfc9162Verifier.rootOf(leaves.subList(0, appended)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndIsTheRfcsAuditPath() {
        List<byte[]> leaves = randomLeafHashes(40, 2);
        Store store = new Store();
        store.append(leaves);
        for (long size = 1; size <= leaves.size(); size++) {
            byte[] root = Rfc9162Verifier.rootOf(leaves.subList(0, (int) size));
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = store.proof(MerkleTree.inclusionPath(index, size));
                assertThat(Rfc9162Verifier.verifiesInclusion(index, size, leaves.get((int) index), proof, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
                assertThat(proof)
                        .usingElementComparator(MerkleTreeTest::compareBytes)
                        .containsExactlyElementsOf(naivePath((int) index, leaves.subList(0, (int) size)));
            }
        }
    }

    @Test
    void everyConsistencyProofVerifies() {
        List<byte[]> leaves = randomLeafHashes(40, 3);
        Store store = new Store();
        store.append(leaves);
        for (long to = 1; to <= leaves.size(); to++) {
            byte[] toRoot = Rfc9162Verifier.rootOf(leaves.subList(0, (int) to));
            for (long from = 1; from <= to; from++) {
                List<byte[]> proof = store.proof(MerkleTree.consistencyPath(from, to));
                byte[] fromRoot = Rfc9162Verifier.rootOf(leaves.subList(0, (int) from));
                assertThat(Rfc9162Verifier.verifiesConsistency(from, to, fromRoot, toRoot, proof))
                        .as("from %d to %d", from, to)
                        .isTrue();
                if (from < to) {
                    assertThat(Rfc9162Verifier.verifiesConsistency(from, to, toRoot, toRoot, proof))
                            .as("a wrong first root, from %d to %d", from, to)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theTestVectorsProofsAreTheOnesTheTreeGivesForTheSameLeaves() throws Exception {
        Store store = new Store();
        store.append(VECTOR_LEAVES.stream().map(MerkleTree::leafHash).toList());
        List<Path> happy = vectors().filter(p -> p.endsWith("happy-path.json")).toList();
        assertThat(happy).hasSize(10);
        for (Path file : happy) {
            JsonNode vector = JSON.readTree(Files.readString(file));
            List<byte[]> expected = hashes(vector.get("proof"));
            if (vector.has("leafIdx")) {
                long index = vector.get("leafIdx").asLong();
                long size = vector.get("treeSize").asLong();
                assertThat(MerkleTree.leafHash(VECTOR_LEAVES.get((int) index)))
                        .isEqualTo(base64(vector.get("leafHash")));
                assertThat(store.root(size)).as("%s", file).isEqualTo(base64(vector.get("root")));
                assertThat(store.proof(MerkleTree.inclusionPath(index, size)))
                        .as("%s", file)
                        .usingElementComparator(MerkleTreeTest::compareBytes)
                        .containsExactlyElementsOf(expected);
            } else {
                long from = vector.get("size1").asLong();
                long to = vector.get("size2").asLong();
                assertThat(store.root(from)).as("%s", file).isEqualTo(base64(vector.get("root1")));
                assertThat(store.root(to)).as("%s", file).isEqualTo(base64(vector.get("root2")));
                assertThat(store.proof(MerkleTree.consistencyPath(from, to)))
                        .as("%s", file)
                        .usingElementComparator(MerkleTreeTest::compareBytes)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    /** The verifier the other tests trust accepts every happy path of the vectors and refuses every broken one. */
    @Test
    void theTestsVerifierPassesTheVectors() throws Exception {
        List<Path> all = vectors().toList();
        assertThat(all).hasSizeGreaterThan(150);
        for (Path file : all) {
            JsonNode v = JSON.readTree(Files.readString(file));
            boolean verified = v.has("leafIdx")
                    ? Rfc9162Verifier.verifiesInclusion(
                            number(v.get("leafIdx")),
                            number(v.get("treeSize")),
                            base64(v.get("leafHash")),
                            hashes(v.get("proof")),
                            base64(v.get("root")))
                    : Rfc9162Verifier.verifiesConsistency(
                            number(v.get("size1")),
                            number(v.get("size2")),
                            base64(v.get("root1")),
                            base64(v.get("root2")),
                            hashes(v.get("proof")));
            assertThat(verified).as("%s", file).isEqualTo(!v.get("wantErr").asBoolean());
        }
    }

    @Test
    void aRangeIsItsAlignedCompleteSubtreesLargestFirst() {
        assertThat(MerkleTree.nodesOf(new Range(0, 13)))
                .containsExactly(new Node(3, 0), new Node(2, 2), new Node(0, 12));
        assertThat(MerkleTree.nodesOf(new Range(8, 13))).containsExactly(new Node(2, 2), new Node(0, 12));
        assertThat(MerkleTree.nodesOf(new Range(0, 1L << 40))).containsExactly(new Node(40, 0));
    }

    /** What a proof reads from the store grows with log n: at most two stored nodes per level of the tree. */
    @Test
    void aProofNeedsAtMostTwoNodesPerLevel() {
        Random random = new Random(5);
        for (long size : new long[] {2, 3, 1_000_000, 1_000_003, (1L << 40) + 12_345}) {
            int levels = 64 - Long.numberOfLeadingZeros(size - 1);
            for (int i = 0; i < 200; i++) {
                long index = Math.floorMod(random.nextLong(), size);
                long from = 1 + Math.floorMod(random.nextLong(), size);
                assertThat(MerkleTree.nodesOf(MerkleTree.inclusionPath(index, size)))
                        .hasSizeLessThanOrEqualTo(2 * levels);
                assertThat(MerkleTree.nodesOf(MerkleTree.consistencyPath(from, size)))
                        .hasSizeLessThanOrEqualTo(2 * levels);
            }
        }
    }

    @Test
    void aProofOutsideTheTreeIsRefused() {
        assertThatThrownBy(() -> MerkleTree.inclusionPath(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyPath(6, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.consistencyPath(0, 5)).isEmpty();
        assertThat(MerkleTree.consistencyPath(5, 5)).isEmpty();
    }

    @Test
    void appendingNeedsTheTreesRightEdge() {
        Store store = new Store();
        store.append(randomLeafHashes(5, 4));
        assertThatThrownBy(() -> MerkleTree.append(5, List.of(), List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An in-memory node store, as the database keeps it. */
    private static final class Store {
        private final Map<Node, byte[]> nodes = new HashMap<>();
        private long size;

        void append(List<byte[]> leafHashes) {
            List<HashedNode> edge = size == 0
                    ? List.of()
                    : MerkleTree.nodesOf(new Range(0, size)).stream()
                            .map(n -> new HashedNode(n, nodes.get(n)))
                            .toList();
            for (HashedNode node : MerkleTree.append(size, edge, leafHashes)) {
                assertThat(nodes.put(node.node(), node.hash()))
                        .as("nodes never change")
                        .isNull();
            }
            size += leafHashes.size();
        }

        byte[] root() {
            return root(size);
        }

        byte[] root(long treeSize) {
            List<Range> range = MerkleTree.rootRange(treeSize);
            return range.isEmpty() ? MerkleTree.EMPTY_ROOT : MerkleTree.hashOf(range.get(0), nodes);
        }

        List<byte[]> proof(List<Range> ranges) {
            return MerkleTree.hashesOf(ranges, nodes);
        }
    }

    private static List<byte[]> naivePath(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 1) {
            return new ArrayList<>();
        }
        int k = Integer.highestOneBit(n - 1);
        List<byte[]> path;
        if (m < k) {
            path = naivePath(m, leafHashes.subList(0, k));
            path.add(Rfc9162Verifier.rootOf(leafHashes.subList(k, n)));
        } else {
            path = naivePath(m - k, leafHashes.subList(k, n));
            path.add(Rfc9162Verifier.rootOf(leafHashes.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> randomLeafHashes(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] input = new byte[random.nextInt(40)];
            random.nextBytes(input);
            leaves.add(MerkleTree.leafHash(input));
        }
        return leaves;
    }

    static Stream<Path> vectors() throws IOException, URISyntaxException {
        Path root = Path.of(MerkleTreeTest.class.getResource("/merkle").toURI());
        return Files.walk(root).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    /** A size or index; one beyond a long (the vectors have 2^64 - 1) as -1, which no proof verifies with. */
    private static long number(JsonNode value) {
        return value.bigIntegerValue().bitLength() < 64 ? value.asLong() : -1;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        }
        return hashes;
    }

    private static byte[] base64(JsonNode text) {
        return text == null || text.isNull() ? new byte[0] : Base64.getDecoder().decode(text.asString());
    }

    private static int compareBytes(byte[] a, byte[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
