package org.techmarket.financing.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Rejection;

/**
 * Where a financing request stands: AWAITING_CONSENT until every co-owner of its assets has consented, OPEN to
 * lenders' offers, FUNDED once the owner accepted one.
 */
public enum RequestStatus {
    AWAITING_CONSENT,
    OPEN,
    FUNDED;

    private static final Map<RequestStatus, Set<RequestStatus>> TRANSITIONS = Map.of(
            AWAITING_CONSENT, EnumSet.of(OPEN),
            OPEN, EnumSet.of(FUNDED),
            FUNDED, EnumSet.noneOf(RequestStatus.class));

    public boolean canBecome(RequestStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal REQUEST_NOT_OPEN. */
    public RequestStatus transitionTo(RequestStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    FinancingCodes.REQUEST_NOT_OPEN, "A financing request that is " + this + " cannot become " + next);
        }
        return next;
    }
}
