package org.techmarket.reference;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which a reference value (an IPC code, a region) is refused.
 */
public enum ReferenceCodes implements ProblemCode {
    INVALID_IPC,
    INVALID_REGION_LEVEL,
    UNKNOWN_PROVINCE
}
