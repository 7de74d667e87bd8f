package org.techmarket.participant;

import org.techmarket.shared.ProblemCode;

/** The codes with which mandates, and brokers acting under them, are refused. */
public enum MandateCodes implements ProblemCode {
    BROKER_NOT_QUALIFIED,
    INVALID_MANDATE_SCOPE,
    INVALID_MANDATE_ACTIONS,
    INVALID_COMMISSION,
    INVALID_QUALIFICATION,
    NO_MANDATE,
    MANDATE_NOT_CONFIRMED,
    MANDATE_REVOKED,
    MANDATE_EXPIRED,
    MANDATE_ACTION_NOT_GRANTED,
    MANDATE_SCOPE_EXCLUDES,
    BROKER_ACTS_FOR_ANOTHER_CLIENT,
    ON_BEHALF_OF_MISMATCH,
    INVALID_ON_BEHALF_OF
}
