package org.techmarket.audit;

import org.techmarket.shared.ProblemCode;

/** The codes with which the market's public log refuses a request for an entry, a proof or a cosignature. */
public enum AuditCodes implements ProblemCode {
    /** An entry or inclusion proof for a leaf the tree (or the tree of the size asked) does not have. */
    LOG_INDEX_BEYOND_TREE,
    /** A tree size larger than the log's tree. */
    LOG_SIZE_BEYOND_TREE,
    /** A consistency proof from a larger tree to a smaller one, or from the empty tree. */
    LOG_SIZES_REVERSED,
    /** A cosignature or a read for a checkpoint the log never issued. */
    LOG_CHECKPOINT_UNKNOWN,
    /** A cosignature line that is not {@code — <name> <base64 signature>}. */
    LOG_COSIGNATURE_MALFORMED
}
