package org.techmarket.ledger.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** A withdrawal is PENDING (its funds held) until an operator confirms the payout or it is CANCELLED. */
public enum CashOutStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    private static final Map<CashOutStatus, Set<CashOutStatus>> TRANSITIONS = Map.of(
            PENDING, EnumSet.of(CONFIRMED, CANCELLED),
            CONFIRMED, EnumSet.noneOf(CashOutStatus.class),
            CANCELLED, EnumSet.noneOf(CashOutStatus.class));

    public boolean canBecome(CashOutStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public CashOutStatus transitionTo(CashOutStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "A cash-out that is " + this + " cannot become " + next);
        }
        return next;
    }
}
