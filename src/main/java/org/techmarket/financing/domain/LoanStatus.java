package org.techmarket.financing.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Rejection;

/**
 * Where a loan stands. ACTIVE while every instalment is paid or within its grace period; OVERDUE once one is unpaid
 * past it (and ACTIVE again when the arrears are collected); REPAID when principal and interest are paid, which
 * releases the pledges; DEFAULTED when the lender declares an overdue loan in default, which keeps them in force;
 * SETTLED_BY_SALE when the pledged assets' sale has repaid what it could, which releases them and leaves any
 * shortfall owing unsecured.
 */
public enum LoanStatus {
    ACTIVE,
    OVERDUE,
    REPAID,
    DEFAULTED,
    SETTLED_BY_SALE;

    private static final Map<LoanStatus, Set<LoanStatus>> TRANSITIONS = Map.of(
            ACTIVE, EnumSet.of(OVERDUE, REPAID),
            OVERDUE, EnumSet.of(ACTIVE, REPAID, DEFAULTED),
            REPAID, EnumSet.noneOf(LoanStatus.class),
            DEFAULTED, EnumSet.of(SETTLED_BY_SALE),
            SETTLED_BY_SALE, EnumSet.noneOf(LoanStatus.class));

    public boolean canBecome(LoanStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** Whether money is still owed and serviced: interest accrues and instalments are collected. */
    public boolean isServiced() {
        return this == ACTIVE || this == OVERDUE;
    }

    /** Whether interest accrues: while the loan is serviced, and in default until its collateral's sale. */
    public boolean accrues() {
        return isServiced() || this == DEFAULTED;
    }

    /** The status after moving to {@code next}; LOAN_NOT_OVERDUE for a default too early, else LOAN_NOT_OUTSTANDING. */
    public LoanStatus transitionTo(LoanStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    next == DEFAULTED && this == ACTIVE
                            ? FinancingCodes.LOAN_NOT_OVERDUE
                            : next == SETTLED_BY_SALE
                                    ? FinancingCodes.LOAN_NOT_DEFAULTED
                                    : FinancingCodes.LOAN_NOT_OUTSTANDING,
                    "A loan that is " + this + " cannot become " + next);
        }
        return next;
    }
}
