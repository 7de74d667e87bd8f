package org.techmarket.search;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which a search or a saved search is refused. A bad limit or cursor is {@code INVALID_LIMIT} or
 * {@code INVALID_CURSOR} of {@link org.techmarket.shared.SharedCodes}; a bad IPC code or province is
 * {@code INVALID_IPC} or {@code UNKNOWN_PROVINCE} of {@link org.techmarket.reference.ReferenceCodes}.
 */
public enum SearchCodes implements ProblemCode {
    QUERY_TOO_LONG,
    QUERY_SYNTAX,
    UNKNOWN_TYPE,
    UNKNOWN_FILTER_VALUE,
    UNKNOWN_SORT,
    UNKNOWN_MODE,
    MODE_RANKS_BY_RELEVANCE,
    INVALID_PRICE,
    INVERTED_PRICE_RANGE,
    INVALID_CHANNEL,
    TOO_MANY_SAVED_SEARCHES
}
