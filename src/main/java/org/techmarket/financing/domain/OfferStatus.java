package org.techmarket.financing.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Rejection;

/**
 * Where a lender's offer stands: OPEN until the owner accepts it, LAPSED when the owner accepts another, EXPIRED once
 * its {@code validUntil} has passed unaccepted.
 */
public enum OfferStatus {
    OPEN,
    ACCEPTED,
    LAPSED,
    EXPIRED;

    private static final Map<OfferStatus, Set<OfferStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(ACCEPTED, LAPSED, EXPIRED),
            ACCEPTED, EnumSet.noneOf(OfferStatus.class),
            LAPSED, EnumSet.noneOf(OfferStatus.class),
            EXPIRED, EnumSet.noneOf(OfferStatus.class));

    public boolean canBecome(OfferStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal: FINANCING_OFFER_EXPIRED from EXPIRED, else FINANCING_OFFER_NOT_OPEN. */
    public OfferStatus transitionTo(OfferStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    this == EXPIRED ? FinancingCodes.FINANCING_OFFER_EXPIRED : FinancingCodes.FINANCING_OFFER_NOT_OPEN,
                    "An offer that is " + this + " cannot become " + next);
        }
        return next;
    }
}
