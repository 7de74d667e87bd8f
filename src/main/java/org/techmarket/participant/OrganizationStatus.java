package org.techmarket.participant;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;

/**
 * Where an organization stands with its venue. A new organization is PENDING until an operator verifies it;
 * an operator may suspend a verified one and reinstate a suspended one. Only VERIFIED organizations trade.
 */
public enum OrganizationStatus {
    PENDING, VERIFIED, SUSPENDED;

    private static final Map<OrganizationStatus, Set<OrganizationStatus>> TRANSITIONS = Map.of(
            PENDING, EnumSet.of(VERIFIED, SUSPENDED),
            VERIFIED, EnumSet.of(SUSPENDED),
            SUSPENDED, EnumSet.of(VERIFIED));

    public boolean canBecome(OrganizationStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal when the move is not allowed. */
    public OrganizationStatus transitionTo(OrganizationStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict("INVALID_STATUS_TRANSITION",
                    "An organization that is " + this + " cannot become " + next);
        }
        return next;
    }

    public boolean mayTrade() {
        return this == VERIFIED;
    }
}
