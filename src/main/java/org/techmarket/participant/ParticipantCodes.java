package org.techmarket.participant;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which participants are refused: registration, organization status, log-in and
 * tokens.
 */
public enum ParticipantCodes implements ProblemCode {
    ORGANIZATION_EXISTS,
    ORGANIZATION_NOT_FOUND,
    USERNAME_TAKEN,
    IDENTITY_NUMBER_REQUIRED,
    INVALID_IDENTITY_NUMBER,
    IDENTITY_NUMBER_NOT_ALLOWED,
    PASSWORD_CONTAINS_USERNAME,
    PASSWORD_TOO_COMMON,
    ORGANIZATION_NOT_VERIFIED,
    ORGANIZATION_SUSPENDED,
    REASON_REQUIRED,
    INVALID_CREDENTIALS,
    INVALID_TOKEN,
    TOO_MANY_ATTEMPTS,
    ACCOUNT_LOCKED,
    INVALID_PROVINCE,
    USER_DEACTIVATED,
    LAST_ADMIN
}
