package org.techmarket.participant;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where an organization stands with its venue. A new organization is PENDING until an operator verifies it;
 * an operator may suspend a verified one and reinstate a suspended one. Only VERIFIED organizations trade: a PENDING
 * one may register and prepare (users, assets, draft listings) but nothing that moves money or commits it; a
 * SUSPENDED one may read its own data and dispute its running deals, a defensive step, and nothing else.
 */
public enum OrganizationStatus {
    PENDING,
    VERIFIED,
    SUSPENDED;

    // What each status permits, in one place: every organization action not listed is refused.
    private static final Map<OrganizationStatus, Set<MarketAction>> PERMITTED = Map.of(
            PENDING,
                    EnumSet.of(
                            MarketAction.ADD_USER,
                            MarketAction.REGISTER_ASSET,
                            MarketAction.UPDATE_ASSET,
                            MarketAction.ANSWER_CO_OWNERSHIP,
                            MarketAction.CREATE_LISTING,
                            MarketAction.WITHDRAW_LISTING),
            VERIFIED, EnumSet.allOf(MarketAction.class),
            SUSPENDED, EnumSet.of(MarketAction.DISPUTE));

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
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION,
                    "An organization that is " + this + " cannot become " + next);
        }
        return next;
    }

    /** Whether a VERIFIED organization, which may trade: what counterparties and grantees must be. */
    public boolean mayTrade() {
        return this == VERIFIED;
    }

    /** Whether an organization in this status may take {@code action}. */
    public boolean permits(MarketAction action) {
        return PERMITTED.get(this).contains(action);
    }

    /**
     * Refuses {@code action} when this status does not permit it: 403 ORGANIZATION_SUSPENDED for a suspended
     * organization, 403 ORGANIZATION_NOT_VERIFIED for one not verified yet.
     */
    public void requirePermits(MarketAction action) {
        if (permits(action)) {
            return;
        }
        if (this == SUSPENDED) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    ParticipantCodes.ORGANIZATION_SUSPENDED,
                    "Your organization is suspended by its"
                            + " venue: it may read its data and dispute its running deals, but not "
                            + describe(action));
        }
        throw new Rejection(
                Rejection.Kind.FORBIDDEN,
                ParticipantCodes.ORGANIZATION_NOT_VERIFIED,
                "Your organization is " + this + "; only verified organizations may " + describe(action));
    }

    private static String describe(MarketAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
