package org.techmarket.financing;

import org.techmarket.shared.ProblemCode;

/** The codes with which financing refuses a request, an offer, an acceptance, a repayment or a default. */
public enum FinancingCodes implements ProblemCode {
    INVALID_COLLATERAL,
    NOT_COLLATERAL_OWNER,
    INVALID_LOAN_TERM,
    INVALID_LOAN_PURPOSE,
    INVALID_RATE,
    INVALID_LOAN_TO_VALUE,
    NOT_A_LENDER,
    NOT_A_PLEDGOR,
    REQUEST_NOT_OPEN,
    FINANCING_OFFER_NOT_OPEN,
    LOAN_NOT_OUTSTANDING,
    LOAN_NOT_OVERDUE,
    INVALID_OFFER_VALIDITY,
    FINANCING_OFFER_EXPIRED,
    LOAN_NOT_DEFAULTED,
    LOAN_SALE_EXISTS,
    ENFORCEMENT_AUTHORITY_IRREVOCABLE
}
