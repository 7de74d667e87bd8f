package org.techmarket.verify.client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.Cosignatures;
import org.techmarket.verify.MerkleProofs;
import org.techmarket.verify.NotVerified;
import org.techmarket.verify.SignedNote;
import org.techmarket.verify.VerifierKey;

/**
 * One run of the verifier against a market's log: the log key is the one pinned by the caller or first seen (trust on
 * first use, then never another); the checkpoint must carry the key's valid signature and, when witnesses are named,
 * each one's valid cosignature; it must be consistent with the checkpoint stored by the previous run (a smaller tree,
 * or another root at the same size, is a rollback or a fork); each named entry's leaf hash is recomputed from its leaf
 * input and proven included in the checkpoint's tree. The new checkpoint is stored once its signature and consistency
 * hold. Each check passed is printed; the first that fails ends the run with {@link NotVerified}.
 */
public final class LogVerifier {

    private final MarketLog log;
    private final Path stateRoot;
    private final PrintStream out;

    /** A verifier of this log keeping what it saw under {@code stateRoot}, a directory per log origin. */
    public LogVerifier(MarketLog log, Path stateRoot, PrintStream out) {
        this.log = log;
        this.stateRoot = stateRoot;
        this.out = out;
    }

    /** Verifies the log as described above; returns the checkpoint verified. */
    public Checkpoint verify(Optional<VerifierKey> pinned, List<VerifierKey> witnesses, List<Long> entries) {
        String served = log.checkpoint();
        SignedNote note = SignedNote.parse(served);
        // The origin only chooses where to look; nothing in the note counts until the signature is checked.
        VerifierState state =
                VerifierState.of(stateRoot, Checkpoint.parse(note.text()).origin());
        VerifierKey key = logKey(pinned, state);
        Checkpoint checkpoint = Checkpoint.parse(note.verifiedBy(key));
        out.println("ok   checkpoint of " + checkpoint.origin() + ": size " + checkpoint.size() + ", root "
                + hex(checkpoint.rootHash()) + ", signed by " + key.name());
        for (VerifierKey witness : witnesses) {
            long timestamp = Cosignatures.verify(witness, note);
            out.println("ok   cosigned by witness " + witness.name() + " at " + timestamp);
        }
        checkConsistency(checkpoint, state);
        state.storeCheckpoint(served);
        for (long index : entries) {
            checkEntry(index, checkpoint);
        }
        return checkpoint;
    }

    private VerifierKey logKey(Optional<VerifierKey> pinned, VerifierState state) {
        VerifierKey served = VerifierKey.parse(log.key());
        Optional<VerifierKey> known = pinned.or(() -> state.key().map(VerifierKey::parse));
        if (known.isPresent() && !known.get().equals(served)) {
            throw new NotVerified(
                    NotVerified.Failure.BAD_SIGNATURE,
                    "the market now serves the key " + served + ", not " + known.get() + " known before");
        }
        if (state.key().isEmpty()) {
            state.storeKey(served.toString());
            out.println("note log key " + served + " seen for the first time, stored in " + state.directory());
        }
        return served;
    }

    private void checkConsistency(Checkpoint checkpoint, VerifierState state) {
        Optional<Checkpoint> previous = state.checkpoint()
                .map(text -> Checkpoint.parse(SignedNote.parse(text).text()));
        if (previous.isEmpty() || previous.get().size() == 0) {
            out.println("note no earlier checkpoint stored: nothing to be consistent with yet");
            return;
        }
        Checkpoint before = previous.get();
        if (!before.origin().equals(checkpoint.origin())) {
            throw new NotVerified(
                    NotVerified.Failure.INCONSISTENT,
                    "the log's origin changed from " + before.origin() + " to " + checkpoint.origin());
        }
        if (checkpoint.size() < before.size()) {
            throw new NotVerified(
                    NotVerified.Failure.INCONSISTENT,
                    "rolled back: the log shows " + checkpoint.size() + " entries after showing " + before.size());
        }
        List<byte[]> proof =
                checkpoint.size() == before.size() ? List.of() : log.consistencyProof(before.size(), checkpoint.size());
        MerkleProofs.verifyConsistency(
                before.size(), checkpoint.size(), before.rootHash(), checkpoint.rootHash(), proof);
        out.println("ok   consistent with the checkpoint stored before: size " + before.size() + " -> "
                + checkpoint.size());
    }

    private void checkEntry(long index, Checkpoint checkpoint) {
        if (index < 0 || index >= checkpoint.size()) {
            throw new NotVerified(
                    NotVerified.Failure.BAD_PROOF,
                    "entry " + index + " is not in the checkpoint's tree of " + checkpoint.size());
        }
        MarketLog.Entry entry = log.entry(index);
        byte[] recomputed = MerkleProofs.leafHash(entry.leafInput());
        if (!MessageDigest.isEqual(recomputed, entry.leafHash())) {
            throw new NotVerified(
                    NotVerified.Failure.LEAF_MISMATCH,
                    "entry " + index + ": its leaf input hashes to " + hex(recomputed) + ", the log states "
                            + hex(entry.leafHash()));
        }
        MerkleProofs.verifyInclusion(
                index,
                checkpoint.size(),
                recomputed,
                log.inclusionProof(index, checkpoint.size()),
                checkpoint.rootHash());
        out.println("ok   entry " + index + " (leaf " + hex(recomputed) + ") is included in the tree of "
                + checkpoint.size());
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, Math.min(hash.length, 8)) + "…";
    }
}
