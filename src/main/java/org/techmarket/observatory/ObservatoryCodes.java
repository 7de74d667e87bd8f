package org.techmarket.observatory;

import org.techmarket.shared.ProblemCode;

/** The codes with which the observatory refuses a question about a table it does not have. */
public enum ObservatoryCodes implements ProblemCode {
    NO_TABLE_FOR_YEAR,
    UNKNOWN_COUNTRY,
    UNKNOWN_WIOD_INDUSTRY
}
