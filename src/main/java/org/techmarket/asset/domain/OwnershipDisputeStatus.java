package org.techmarket.asset.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.asset.AssetCodes;
import org.techmarket.shared.Rejection;

/** An ownership dispute is OPEN until an operator upholds it (the claimant becomes the owner) or dismisses it. */
public enum OwnershipDisputeStatus {
    OPEN,
    UPHELD,
    DISMISSED;

    private static final Map<OwnershipDisputeStatus, Set<OwnershipDisputeStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(UPHELD, DISMISSED),
            UPHELD, EnumSet.noneOf(OwnershipDisputeStatus.class),
            DISMISSED, EnumSet.noneOf(OwnershipDisputeStatus.class));

    public boolean canBecome(OwnershipDisputeStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal when the dispute was decided already. */
    public OwnershipDisputeStatus transitionTo(OwnershipDisputeStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    AssetCodes.DISPUTE_ALREADY_DECIDED, "The dispute is " + this + "; it is decided once");
        }
        return next;
    }
}
