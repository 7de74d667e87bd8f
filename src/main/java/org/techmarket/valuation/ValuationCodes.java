package org.techmarket.valuation;

import org.techmarket.shared.ProblemCode;

/** The codes with which a valuation is refused: its purpose, date and inputs, and a report without evidence. */
public enum ValuationCodes implements ProblemCode {
    UNKNOWN_VALUATION_PURPOSE,
    INVALID_VALUATION_DATE,
    EMPTY_REVENUE_FORECAST,
    INVALID_REVENUE_FORECAST,
    ROYALTY_RATE_OUT_OF_RANGE,
    INVALID_DISCOUNT_RATE,
    INVALID_REPRODUCTION_COST,
    INVALID_OBSOLESCENCE,
    NO_VALUATION_EVIDENCE,
    VALUATION_NOT_FOUND
}
