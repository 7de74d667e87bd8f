package org.techmarket.deal.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where an offer in a negotiation stands. Only an OPEN offer can change, and only once: its recipient accepts,
 * declines or counters it (a counter is a new OPEN offer), its author withdraws it, or its deadline passes.
 */
public enum OfferStatus {
    OPEN,
    COUNTERED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    WITHDRAWN;

    private static final Map<OfferStatus, Set<OfferStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(COUNTERED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN),
            COUNTERED, EnumSet.noneOf(OfferStatus.class),
            ACCEPTED, EnumSet.noneOf(OfferStatus.class),
            DECLINED, EnumSet.noneOf(OfferStatus.class),
            EXPIRED, EnumSet.noneOf(OfferStatus.class),
            WITHDRAWN, EnumSet.noneOf(OfferStatus.class));

    public boolean canBecome(OfferStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal when the table does not allow it. */
    public OfferStatus transitionTo(OfferStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "An offer that is " + this + " cannot become " + next);
        }
        return next;
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
