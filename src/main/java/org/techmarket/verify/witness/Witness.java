package org.techmarket.verify.witness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.MerkleProofs;
import org.techmarket.verify.NotVerified;
import org.techmarket.verify.NoteSigner;
import org.techmarket.verify.SignedNote;
import org.techmarket.verify.VerifierKey;

/**
 * A witness of C2SP tlog-witness: cosigns a log's checkpoint only after checking the log's signature on it and its
 * consistency with the last checkpoint it cosigned for that log, so that it never cosigns two views of one log that
 * cannot both be true (a rollback or a fork). Answers each {@code add-checkpoint} request with the status the
 * protocol names: 400 malformed, 404 unknown log, 403 no valid log signature, 409 old size not the one it knows (with
 * that size) or the same size with another root, 422 a consistency proof that does not verify, 200 the cosignature.
 * Checking against the stored state and storing the new one happen under one lock, so two requests cannot roll the
 * witness back.
 */
public final class Witness {

    /** The most consistency proof lines a request may carry (tlog-witness). */
    public static final int MAX_PROOF_LINES = 63;

    /** The answer to one request: an HTTP status, a content type and a body. */
    public record Answer(int status, String contentType, String body) {

        static Answer refused(int status, String reason) {
            return new Answer(status, "text/plain; charset=utf-8", reason + "\n");
        }
    }

    private final NoteSigner key;
    private final Map<String, List<VerifierKey>> logs;
    private final WitnessState state;
    private final Clock clock;

    /** A witness signing with {@code key}, trusting these log keys per origin, remembering in {@code state}. */
    public Witness(NoteSigner key, Map<String, List<VerifierKey>> logs, WitnessState state, Clock clock) {
        this.key = key;
        this.logs = Map.copyOf(logs);
        this.state = state;
        this.clock = clock;
    }

    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    /** Handles the body of one {@code POST /add-checkpoint}. */
    public synchronized Answer addCheckpoint(byte[] requestBody) {
        Request request;
        try {
            request = Request.parse(new String(requestBody, StandardCharsets.UTF_8));
        } catch (NotVerified e) {
            return Answer.refused(400, e.getMessage());
        }
        List<VerifierKey> trusted = logs.get(request.checkpoint().origin());
        if (trusted == null) {
            return Answer.refused(404, "unknown log");
        }
        if (trusted.stream().noneMatch(logKey -> signedBy(request.note(), logKey))) {
            return Answer.refused(403, "no valid signature by a key of this log");
        }
        Checkpoint checkpoint = request.checkpoint();
        if (request.oldSize() > checkpoint.size()) {
            return Answer.refused(400, "old size is larger than the checkpoint's");
        }
        Optional<Checkpoint> latest = state.latest(checkpoint.origin());
        long latestSize = latest.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != latestSize) {
            return new Answer(409, "text/x.tlog.size", latestSize + "\n");
        }
        Optional<Answer> inconsistent = latest.filter(known -> known.size() > 0)
                .map(known -> inconsistency(known, checkpoint, request.proof()))
                .orElseGet(() -> request.proof().isEmpty()
                        ? Optional.empty()
                        : Optional.of(Answer.refused(422, "a proof from size zero is empty")));
        if (inconsistent.isPresent()) {
            return inconsistent.get();
        }
        state.record(checkpoint.origin(), request.note().text());
        SignedNote.Line cosignature =
                key.cosign(request.note().text(), clock.instant().getEpochSecond());
        return new Answer(200, "text/plain; charset=utf-8", cosignature.text());
    }

    private static Optional<Answer> inconsistency(Checkpoint known, Checkpoint next, List<byte[]> proof) {
        if (known.size() == next.size()) {
            boolean same = MessageDigest.isEqual(known.rootHash(), next.rootHash());
            return same && proof.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Answer.refused(409, "another root for the size already cosigned"));
        }
        try {
            MerkleProofs.verifyConsistency(known.size(), next.size(), known.rootHash(), next.rootHash(), proof);
            return Optional.empty();
        } catch (NotVerified e) {
            return Optional.of(Answer.refused(422, "not consistent with the checkpoint cosigned: " + e.getMessage()));
        }
    }

    private static boolean signedBy(SignedNote note, VerifierKey logKey) {
        try {
            note.verifiedBy(logKey);
            return true;
        } catch (NotVerified e) {
            return false;
        }
    }

    /** An {@code add-checkpoint} body: {@code old <size>}, proof lines, a blank line, the checkpoint's signed note. */
    record Request(long oldSize, List<byte[]> proof, SignedNote note, Checkpoint checkpoint) {

        static Request parse(String body) {
            int blank = body.indexOf("\n\n");
            if (!body.startsWith("old ") || blank < 0) {
                throw new NotVerified(
                        NotVerified.Failure.MALFORMED, "the body is 'old <size>', proof lines, a blank line, a note");
            }
            String[] head = body.substring(0, blank).split("\n", -1);
            long oldSize = Checkpoint.size(head[0].substring("old ".length()));
            if (head.length - 1 > MAX_PROOF_LINES) {
                throw new NotVerified(NotVerified.Failure.MALFORMED, "at most 63 proof lines");
            }
            List<byte[]> proof = new ArrayList<>();
            for (int i = 1; i < head.length; i++) {
                proof.add(ProofLines.hash(head[i]));
            }
            SignedNote note = SignedNote.parse(body.substring(blank + 2));
            return new Request(oldSize, proof, note, Checkpoint.parse(note.text()));
        }
    }
}
