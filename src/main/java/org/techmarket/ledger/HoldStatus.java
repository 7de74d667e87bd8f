package org.techmarket.ledger;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;

/**
 * Where a hold stands. An ACTIVE hold may be captured in parts and stays ACTIVE while funds remain; it ends
 * CAPTURED when nothing remains, RELEASED when its remainder is given back, or EXPIRED when its deadline passes.
 */
public enum HoldStatus {
    ACTIVE,
    CAPTURED,
    RELEASED,
    EXPIRED;

    private static final Map<HoldStatus, Set<HoldStatus>> TRANSITIONS = Map.of(
            ACTIVE, EnumSet.of(ACTIVE, CAPTURED, RELEASED, EXPIRED),
            CAPTURED, EnumSet.noneOf(HoldStatus.class),
            RELEASED, EnumSet.noneOf(HoldStatus.class),
            EXPIRED, EnumSet.noneOf(HoldStatus.class));

    public boolean canBecome(HoldStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal HOLD_NOT_ACTIVE when the hold has already ended. */
    public HoldStatus transitionTo(HoldStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(LedgerCodes.HOLD_NOT_ACTIVE, "A hold that is " + this + " cannot become " + next);
        }
        return next;
    }
}
