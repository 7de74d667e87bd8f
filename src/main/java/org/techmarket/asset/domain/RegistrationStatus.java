package org.techmarket.asset.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where an asset's registration stands. It is PENDING while co-owners the registrant named have not confirmed their
 * shares, CONFIRMED once every one has, and DECLINED — void, its patent number free again — when one declines.
 */
public enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    DECLINED;

    private static final Map<RegistrationStatus, Set<RegistrationStatus>> TRANSITIONS = Map.of(
            PENDING, EnumSet.of(CONFIRMED, DECLINED),
            CONFIRMED, EnumSet.noneOf(RegistrationStatus.class),
            DECLINED, EnumSet.noneOf(RegistrationStatus.class));

    public boolean canBecome(RegistrationStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal when the move is not allowed. */
    public RegistrationStatus transitionTo(RegistrationStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "A registration that is " + this + " cannot become " + next);
        }
        return next;
    }
}
