package org.techmarket.verify;

/**
 * A log, a proof, a note or a signature failed a check: carries why, as a {@link Failure} a program can act on, and a
 * sentence a person can read.
 */
public final class NotVerified extends RuntimeException {

    /** What failed to verify. */
    public enum Failure {
        /** A proof does not lead to the stated root, or does not fit the stated sizes. */
        BAD_PROOF,
        /** Two tree heads cannot both be heads of one append-only log: a rollback or a fork. */
        INCONSISTENT,
        /** A leaf's recomputed hash differs from the one the log states. */
        LEAF_MISMATCH,
        /** A note, checkpoint, key or cosignature is not in the form its specification requires. */
        MALFORMED,
        /** No signature from a trusted key, or a signature from a trusted key that does not verify. */
        BAD_SIGNATURE,
        /** The log is not one this party knows. */
        UNKNOWN_LOG,
        /** The market could not be reached or answered something other than what was asked. */
        UNREACHABLE
    }

    private final Failure failure;

    public NotVerified(Failure failure, String detail) {
        super(detail, null, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
