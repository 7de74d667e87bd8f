package org.techmarket.demand.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where a need (or challenge) stands. A draft is published or closed; a published need is fulfilled (a challenge's
 * winner selected), closed by its poster, or expires at its deadline. FULFILLED, CLOSED and EXPIRED are final.
 */
public enum NeedStatus {
    DRAFT,
    PUBLISHED,
    FULFILLED,
    CLOSED,
    EXPIRED;

    private static final Map<NeedStatus, Set<NeedStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(PUBLISHED, CLOSED),
            PUBLISHED, EnumSet.of(FULFILLED, CLOSED, EXPIRED),
            FULFILLED, EnumSet.noneOf(NeedStatus.class),
            CLOSED, EnumSet.noneOf(NeedStatus.class),
            EXPIRED, EnumSet.noneOf(NeedStatus.class));

    public boolean canBecome(NeedStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** {@code next}, or 409 INVALID_STATUS_TRANSITION when the table does not allow the move. */
    public NeedStatus transitionTo(NeedStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "A need that is " + this + " cannot become " + next);
        }
        return next;
    }
}
