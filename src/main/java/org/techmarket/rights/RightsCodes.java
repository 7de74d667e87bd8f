package org.techmarket.rights;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which the rights registry refuses a grant, a termination or an open licence; other
 * modules refusing the same thing (a conflict, a scope) give the same code.
 */
public enum RightsCodes implements ProblemCode {
    RIGHTS_CONFLICT,
    NOT_GRANTOR,
    GRANTEE_NOT_VERIFIED,
    INVALID_GRANT,
    INVALID_GRANT_TYPE,
    INVALID_GRANTOR,
    INVALID_GRANTEE,
    INVALID_PARENT_GRANT,
    UNKNOWN_PARENT_GRANT,
    INVALID_OWNERS,
    INVALID_AUTHORITY,
    INVALID_SCOPE,
    INVALID_FIELD_OF_USE,
    INVALID_TERRITORY,
    INVALID_TERM,
    INVALID_LICENCE_TERM,
    INVALID_ROYALTY,
    CAUSE_REUSED,
    INVALID_TERMINATION_DATE,
    ASSIGNMENT_FINAL,
    NOT_A_PLEDGE,
    COLLATERAL_CHANGED,
    PLEDGE_SECURES_LOAN,
    OPEN_LICENCE_NOT_DECLARED,
    OPEN_LICENCE_WITHDRAWN,
    OPEN_LICENCE_ALREADY_TAKEN,
    TAKER_IS_OWNER
}
