package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.techmarket.participant.MandateAction;
import org.techmarket.participant.MandateCodes;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * A client's mandate to a broker: within its scope, the broker's users may take the granted actions in the
 * client's name until {@code validUntil}, once the client's admin has confirmed it and until it revokes it. The
 * commission is a share of the contract price in basis points, never less than the minimum. A mandate is never
 * changed in its terms; a client wanting other terms revokes it and gives a new one.
 */
public record Mandate(
        String id,
        String brokerId,
        String clientId,
        MandateScope scope,
        Set<MandateAction> actions,
        int commissionBasisPoints,
        Money commissionMinimum,
        Instant validUntil,
        MandateStatus status,
        String proposedBy,
        Instant createdAt,
        Optional<Instant> confirmedAt,
        Optional<Instant> revokedAt) {

    public static final int WHOLE = 10_000;

    public Mandate {
        if (brokerId.equals(clientId)) {
            throw Rejection.invalid(MandateCodes.BROKER_NOT_QUALIFIED, "brokerId", "a client is not its own broker");
        }
        if (actions == null || actions.isEmpty()) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_MANDATE_ACTIONS, "actions", "grant one or more of LIST, BID, NEGOTIATE, SIGN");
        }
        actions = Set.copyOf(EnumSet.copyOf(actions));
        if (commissionBasisPoints < 0 || commissionBasisPoints > WHOLE) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_COMMISSION,
                    "commission.basisPoints",
                    "a commission is 0 to 10000 basis points");
        }
        if (commissionMinimum == null || commissionMinimum.minor() < 0) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_COMMISSION, "commission.minimum", "the minimum is an amount of 0 or more");
        }
    }

    /** A new mandate proposed by {@code proposedBy}, to be confirmed by the client's admin. */
    public static Mandate propose(
            String id,
            String brokerId,
            String clientId,
            MandateScope scope,
            Set<MandateAction> actions,
            int basisPoints,
            Money minimum,
            Instant validUntil,
            String proposedBy,
            Instant now) {
        if (validUntil == null || !validUntil.isAfter(now)) {
            throw Rejection.invalid(MandateCodes.INVALID_MANDATE_SCOPE, "validUntil", "a mandate ends in the future");
        }
        return new Mandate(
                id,
                brokerId,
                clientId,
                scope,
                actions,
                basisPoints,
                minimum,
                validUntil,
                MandateStatus.PROPOSED,
                proposedBy,
                now,
                Optional.empty(),
                Optional.empty());
    }

    /** The client's admin confirms the mandate; from now on the broker may act within it. */
    public Mandate confirm(Instant now) {
        requireNotExpired(now);
        return with(status.transitionTo(MandateStatus.CONFIRMED), Optional.of(now), revokedAt);
    }

    /** The client's admin revokes the mandate: the broker's next action under it is refused. */
    public Mandate revoke(Instant now) {
        return with(status.transitionTo(MandateStatus.REVOKED), confirmedAt, Optional.of(now));
    }

    public boolean expiredAt(Instant now) {
        return !validUntil.isAfter(now);
    }

    /** Whether the broker may act under the mandate at {@code now}. */
    public boolean inForceAt(Instant now) {
        return status == MandateStatus.CONFIRMED && !expiredAt(now);
    }

    /** Refuses acting under the mandate unless it is confirmed, not revoked and not expired. */
    public void requireInForce(Instant now) {
        if (status == MandateStatus.REVOKED) {
            throw refused(MandateCodes.MANDATE_REVOKED, "The client revoked mandate " + id);
        }
        requireNotExpired(now);
        if (status != MandateStatus.CONFIRMED) {
            throw refused(MandateCodes.MANDATE_NOT_CONFIRMED, "The client's admin has not confirmed mandate " + id);
        }
    }

    /** Refuses {@code action} unless the mandate grants the mandate action that covers it. */
    public void requireGrants(MarketAction action) {
        if (!MandateAction.covering(action).map(actions::contains).orElse(false)) {
            throw refused(
                    MandateCodes.MANDATE_ACTION_NOT_GRANTED,
                    "Mandate " + id + " does not let the broker "
                            + action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " for its client");
        }
    }

    /** Refuses an action on these assets unless the mandate's scope covers every one. */
    public void requireCoversAssets(Collection<String> assetIds) {
        if (!scope.coversAssets(assetIds)) {
            throw refused(MandateCodes.MANDATE_SCOPE_EXCLUDES, "Mandate " + id + " does not cover assets " + assetIds);
        }
    }

    /** Refuses an action on this need, or on a new need when empty, unless the mandate's scope covers it. */
    public void requireCoversNeed(Optional<String> needId) {
        if (!needId.map(scope::coversNeed).orElseGet(scope::coversNewNeeds)) {
            throw refused(
                    MandateCodes.MANDATE_SCOPE_EXCLUDES,
                    "Mandate " + id + " does not cover "
                            + needId.map(n -> "need " + n).orElse("new needs"));
        }
    }

    private void requireNotExpired(Instant now) {
        if (expiredAt(now)) {
            throw refused(MandateCodes.MANDATE_EXPIRED, "Mandate " + id + " ended at " + validUntil);
        }
    }

    private Mandate with(MandateStatus next, Optional<Instant> confirmed, Optional<Instant> revoked) {
        return new Mandate(
                id,
                brokerId,
                clientId,
                scope,
                actions,
                commissionBasisPoints,
                commissionMinimum,
                validUntil,
                next,
                proposedBy,
                createdAt,
                confirmed,
                revoked);
    }

    private static Rejection refused(MandateCodes code, String detail) {
        return new Rejection(Rejection.Kind.FORBIDDEN, code, detail);
    }
}
