package org.techmarket.venue;

import org.techmarket.shared.ProblemCode;

/** The codes with which the venue module refuses a venue, a fee schedule, a rulebook, a cross-listing or a concern. */
public enum VenueCodes implements ProblemCode {
    INVALID_VENUE_NAME,
    INVALID_VENUE_REGION,
    FEE_SCHEDULE_REQUIRED,
    INVALID_BASIS_POINTS,
    INVALID_FEE_BOUNDS,
    FEE_MINIMUM_ABOVE_MAXIMUM,
    UNKNOWN_MECHANISM,
    UNKNOWN_CONTRACT_TYPE,
    DUPLICATE_FEE_RATE,
    RULEBOOK_REQUIRED,
    LISTING_NOT_APPROVED,
    CROSS_LISTING_ON_OWN_VENUE,
    ALREADY_CROSS_LISTED,
    CROSS_LISTING_NOT_REQUESTED,
    CONCERN_ON_OWN_VERIFICATION,
    INVALID_STATEMENT_PERIOD
}
