package org.techmarket.shared;

/**
 * The refusal codes no single module owns: those of the HTTP layer and of the shared kernel (money, dates, text,
 * paging, idempotency), and those every module gives in the same situation.
 */
public enum SharedCodes implements ProblemCode {
    // the request itself
    VALIDATION_FAILED,
    UNKNOWN_FIELD,
    DUPLICATE_FIELD,
    INVALID_TYPE,
    MALFORMED_JSON,
    INVALID_PARAMETER,
    MISSING_PARAMETER,
    MISSING_HEADER,
    INVALID_CHARACTERS,
    INVALID_REQUEST,
    REQUEST_REJECTED,
    BODY_TOO_LARGE,
    URI_TOO_LONG,
    HEADERS_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    METHOD_NOT_ALLOWED,
    RATE_LIMITED,
    // who may do what
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    PROVINCE_OUTSIDE_JURISDICTION,
    // the shared kernel
    INVALID_AMOUNT,
    UNKNOWN_CURRENCY,
    CURRENCY_MISMATCH,
    DATE_IN_PAST,
    DATE_BEYOND_HORIZON,
    INVALID_CURSOR,
    INVALID_LIMIT,
    INVALID_IDEMPOTENCY_KEY,
    IDEMPOTENCY_KEY_IN_USE,
    IDEMPOTENCY_KEY_REUSED,
    // state and concurrency, alike in every module
    INVALID_STATUS_TRANSITION,
    INVALID_REASON,
    INVALID_ROLE,
    INVALID_DEADLINE,
    INVALID_EVIDENCE_HASH,
    INVALID_CAUSE,
    IF_MATCH_REQUIRED,
    VERSION_MISMATCH,
    CONCURRENT_UPDATE,
    CONSTRAINT_VIOLATION,
    // a failure, not a refusal
    INTERNAL_ERROR,
    ERROR
}
