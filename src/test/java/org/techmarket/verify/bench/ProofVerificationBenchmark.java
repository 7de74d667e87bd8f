package org.techmarket.verify.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.Ed25519;
import org.techmarket.verify.MerkleProofs;
import org.techmarket.verify.NoteSigner;
import org.techmarket.verify.SignedNote;

/**
 * What a verifier or a witness spends per check on a log of 1,000,000 entries: inclusion proofs, consistency proofs
 * from random earlier sizes, and checkpoint notes (parse and Ed25519 signature), each per second, against a baseline
 * measured in the same run: one node hash (SHA-256 of 65 bytes). Not a test; run as the README shows for the
 * ledger's benchmark, with {@code [seconds per measure] [entries]}.
 */
public final class ProofVerificationBenchmark {

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Random random = new Random(42);
        long built = System.nanoTime();
        Levels tree = new Levels(entries);
        System.out.printf("tree of %,d entries built in %.1f s%n", entries, (System.nanoTime() - built) / 1e9);

        int samples = 1024;
        long[] indexes = new long[samples];
        long[] fromSizes = new long[samples];
        List<List<byte[]>> inclusions = new ArrayList<>();
        List<List<byte[]>> consistencies = new ArrayList<>();
        List<byte[]> olderRoots = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            indexes[i] = random.nextInt(entries);
            fromSizes[i] = 1 + random.nextInt(entries - 1);
            inclusions.add(tree.inclusion((int) indexes[i], entries));
            consistencies.add(tree.consistency((int) fromSizes[i], entries));
            olderRoots.add(tree.root((int) fromSizes[i]));
        }
        byte[] root = tree.root(entries);
        NoteSigner key = NoteSigner.noteKey("bench.example/log", Ed25519.generate());
        String note = key.signedNote(new Checkpoint("bench.example/log", entries, root, List.of()).body())
                .encoded();

        byte[] left = tree.leaf(0);
        byte[] right = tree.leaf(1);
        double baseline = perSecond(seconds, i -> MerkleProofs.nodeHash(left, right));
        double inclusion = perSecond(
                seconds,
                i -> MerkleProofs.verifyInclusion(
                        indexes[i % samples],
                        entries,
                        tree.leaf((int) indexes[i % samples]),
                        inclusions.get(i % samples),
                        root));
        double consistency = perSecond(
                seconds,
                i -> MerkleProofs.verifyConsistency(
                        fromSizes[i % samples],
                        entries,
                        olderRoots.get(i % samples),
                        root,
                        consistencies.get(i % samples)));
        double notes =
                perSecond(seconds, i -> Checkpoint.parse(SignedNote.parse(note).verifiedBy(key.verifierKey())));

        System.out.printf("baseline: node hashes            %,12.0f /s%n", baseline);
        report("inclusion proofs at " + entries, inclusion, baseline);
        report("consistency proofs to " + entries, consistency, baseline);
        report("checkpoint notes verified", notes, baseline);
    }

    private static void report(String what, double perSecond, double baseline) {
        System.out.printf(
                "%-36s %,12.0f /s  %8.2f µs each  ratio to baseline %.4f%n",
                what, perSecond, 1e6 / perSecond, perSecond / baseline);
    }

    private static double perSecond(double seconds, IntConsumer check) {
        for (int i = 0; i < 20_000; i++) {
            check.accept(i);
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int done = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 256; i++) {
                check.accept(done++);
            }
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Every complete subtree's hash, level by level, so any root or proof is a few lookups (RFC 9162 ranges). */
    private static final class Levels {

        private final List<byte[][]> levels = new ArrayList<>();

        Levels(int entries) {
            byte[][] leaves = new byte[entries][];
            for (int i = 0; i < entries; i++) {
                leaves[i] = MerkleProofs.leafHash(
                        ByteBuffer.allocate(16).putLong(i).putLong(~i).array());
            }
            levels.add(leaves);
            byte[][] level = leaves;
            while (level.length > 1) {
                byte[][] up = new byte[level.length / 2][];
                for (int i = 0; i < up.length; i++) {
                    up[i] = MerkleProofs.nodeHash(level[2 * i], level[2 * i + 1]);
                }
                levels.add(up);
                level = up;
            }
        }

        byte[] leaf(int index) {
            return levels.get(0)[index];
        }

        byte[] root(int size) {
            return mth(0, size);
        }

        private byte[] mth(int start, int end) {
            int n = end - start;
            if (Integer.bitCount(n) == 1 && start % n == 0) {
                return levels.get(Integer.numberOfTrailingZeros(n))[start / n];
            }
            int k = Integer.highestOneBit(n - 1);
            return MerkleProofs.nodeHash(mth(start, start + k), mth(start + k, end));
        }

        List<byte[]> inclusion(int m, int size) {
            List<byte[]> out = new ArrayList<>();
            path(m, 0, size, out);
            return out;
        }

        private void path(int m, int start, int end, List<byte[]> out) {
            if (end - start <= 1) {
                return;
            }
            int k = Integer.highestOneBit(end - start - 1);
            if (m < start + k) {
                path(m, start, start + k, out);
                out.add(mth(start + k, end));
            } else {
                path(m, start + k, end, out);
                out.add(mth(start, start + k));
            }
        }

        List<byte[]> consistency(int m, int size) {
            List<byte[]> out = new ArrayList<>();
            subproof(m, 0, size, true, out);
            return out;
        }

        private void subproof(int m, int start, int end, boolean complete, List<byte[]> out) {
            int n = end - start;
            if (m == n) {
                if (!complete) {
                    out.add(mth(start, end));
                }
                return;
            }
            int k = Integer.highestOneBit(n - 1);
            if (m <= k) {
                subproof(m, start, start + k, complete, out);
                out.add(mth(start + k, end));
            } else {
                subproof(m - k, start + k, end, false, out);
                out.add(mth(start, start + k));
            }
        }
    }

    private ProofVerificationBenchmark() {}
}
