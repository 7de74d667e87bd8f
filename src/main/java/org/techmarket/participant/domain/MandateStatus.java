package org.techmarket.participant.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** A mandate is PROPOSED, CONFIRMED by the client's admin, and REVOKED by it at any time (also before confirming). */
public enum MandateStatus {
    PROPOSED,
    CONFIRMED,
    REVOKED;

    private static final Map<MandateStatus, Set<MandateStatus>> TRANSITIONS = Map.of(
            PROPOSED, EnumSet.of(CONFIRMED, REVOKED),
            CONFIRMED, EnumSet.of(REVOKED),
            REVOKED, EnumSet.noneOf(MandateStatus.class));

    public boolean canBecome(MandateStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public MandateStatus transitionTo(MandateStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "A mandate that is " + this + " cannot become " + next);
        }
        return next;
    }
}
