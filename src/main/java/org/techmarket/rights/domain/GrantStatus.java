package org.techmarket.rights.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The lifecycle of a grant. Every allowed move is in {@link #ALLOWED}; nothing else may change a status.
 * That only pledges can be RELEASED depends on the grant's type and is enforced by {@link Grant#release()}.
 */
public enum GrantStatus {
    ACTIVE,
    TERMINATED,
    EXPIRED,
    RELEASED;

    private static final Map<GrantStatus, Set<GrantStatus>> ALLOWED = new EnumMap<>(GrantStatus.class);

    static {
        ALLOWED.put(ACTIVE, EnumSet.of(TERMINATED, EXPIRED, RELEASED));
        // Ended grants stay ended: a new grant is needed to restore rights, so the history stays readable.
        ALLOWED.put(TERMINATED, EnumSet.noneOf(GrantStatus.class));
        ALLOWED.put(EXPIRED, EnumSet.noneOf(GrantStatus.class));
        ALLOWED.put(RELEASED, EnumSet.noneOf(GrantStatus.class));
    }

    /** Whether the transition table lets a grant move from this status to {@code target}. */
    public boolean canTransitionTo(GrantStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    /**
     * Returns {@code target} when the table allows the move.
     *
     * @throws Rejection {@code INVALID_STATUS_TRANSITION} (a conflict with the grant's current state) otherwise
     */
    public GrantStatus transitionTo(GrantStatus target) {
        if (!canTransitionTo(target)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "a grant that is " + this + " cannot become " + target);
        }
        return target;
    }
}
