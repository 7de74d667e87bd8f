package org.techmarket.audit;

import java.util.List;
import org.techmarket.shared.ReadsTogether;

/**
 * The market's verifiable log as other modules and processes in the market use it: its signed checkpoints, its
 * verifier key, and witnesses' cosignatures on its checkpoints.
 */
public interface TransparencyLog {

    /** The latest checkpoint as a C2SP signed note: text, empty line, the log's signature line, cosignature lines. */
    String latestCheckpoint();

    /** As {@link #latestCheckpoint()}, the checkpoint and its cosignatures read with the other queries of {@code batch}. */
    ReadsTogether.Later<String> latestCheckpoint(ReadsTogether.Batch batch);

    /** The log's verifier key in signed-note form, {@code <name>+<hex key ID>+<base64(0x01 ‖ public key)>}. */
    String verifierKey();

    /**
     * Stores a witness's cosignature line ({@code — <witness name> <base64 signature>}) on the stored checkpoint of
     * {@code treeSize}, which the checkpoint endpoints then serve; the same line again is stored once. Refused with
     * {@link AuditCodes#LOG_CHECKPOINT_UNKNOWN} or {@link AuditCodes#LOG_COSIGNATURE_MALFORMED}. The caller checks the
     * signature: the log stores what a witness it trusts gives it.
     */
    void addCosignature(long treeSize, String signatureLine);

    /**
     * The RFC 9162 consistency proof from the tree of {@code from} leaves to the tree of {@code to} leaves, as the
     * public endpoint serves it, for a witness that last cosigned {@code from}. The caller asks only for sizes the log
     * has checkpointed, {@code 1 <= from <= to}.
     */
    List<byte[]> consistencyProof(long from, long to);
}
