package org.techmarket.statistics;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which the open statistics refuse a question: a dimension a report cannot be grouped by, an industry
 * that is not a future industry, a month that is not {@code YYYY-MM}, a period whose start is after its end. An
 * unknown province is {@code UNKNOWN_PROVINCE} of {@link org.techmarket.reference.ReferenceCodes}.
 */
public enum StatisticsCodes implements ProblemCode {
    UNKNOWN_DIMENSION,
    UNKNOWN_FUTURE_INDUSTRY,
    INVALID_MONTH,
    MONTHS_REVERSED
}
