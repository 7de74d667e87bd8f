package org.techmarket.ledger.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.HoldStatus;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The rules of holds, the two-phase transfers of the ledger. Placing a hold moves funds from AVAILABLE to HELD;
 * capturing moves part or all of what remains from HELD to another account, until the deadline; releasing and
 * expiring move the remainder back to AVAILABLE. Each step is the hold's new state plus the one transfer it posts.
 */
public final class HoldRules {

    /** Reason codes of the transfers that holds post; a capture carries the hold's purpose as its reason. */
    public static final String HOLD = "HOLD";

    public static final String RELEASE = "HOLD_RELEASE";
    public static final String EXPIRY = "HOLD_EXPIRY";

    private HoldRules() {}

    /** A hold's new state, the transfer that goes with it, and the audit event type naming what happened. */
    public record Step(Hold hold, TransferRequest transfer, LedgerEvents event) {}

    public static Step place(String id, HoldRequest request, Instant now) {
        if (request.organizationId() == null || request.organizationId().isBlank()) {
            throw Rejection.invalid(
                    LedgerCodes.INVALID_ORGANIZATION, "organizationId", "A hold is on an organization's funds");
        }
        Money amount = request.amount().requirePositive("amount");
        PostingRules.requireCode(request.purpose(), "purpose", LedgerCodes.INVALID_PURPOSE);
        PostingRules.requireCause(request.cause(), "cause");
        if (request.deadline().filter(deadline -> !deadline.isAfter(now)).isPresent()) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_DEADLINE, "deadline", "A hold's deadline must lie in the future");
        }
        Optional<Instant> deadline = request.deadline().map(d -> d.truncatedTo(ChronoUnit.MICROS));
        Hold hold = new Hold(
                id,
                request.organizationId(),
                amount,
                Money.zero(amount.currency()),
                amount,
                request.purpose(),
                request.cause(),
                deadline,
                HoldStatus.ACTIVE,
                now,
                Optional.empty());
        return new Step(
                hold,
                transfer(hold, hold.availableAccount(), hold.heldAccount(), amount, HOLD),
                LedgerEvents.HoldPlaced);
    }

    public static Step capture(Hold hold, Money amount, AccountId destination, Instant now) {
        hold.status().transitionTo(HoldStatus.ACTIVE);
        if (hold.isDue(now)) {
            throw Rejection.conflict(
                    LedgerCodes.HOLD_EXPIRED, "The hold's deadline has passed; it can no longer be captured");
        }
        amount.requirePositive("amount");
        if (!amount.currency().equals(hold.amount().currency())) {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "amount",
                    "The hold is in " + hold.amount().currency());
        }
        if (amount.minor() > hold.remaining().minor()) {
            throw Rejection.conflict(
                    LedgerCodes.EXCEEDS_HOLD, "Only " + hold.remaining() + " remain held, less than " + amount);
        }
        if (destination.kind() == AccountKind.HELD) {
            throw Rejection.invalid(
                    LedgerCodes.INVALID_DESTINATION, "destination", "Captured funds leave the HELD account");
        }
        Money remaining = hold.remaining().minus(amount);
        HoldStatus next = remaining.isZero() ? HoldStatus.CAPTURED : HoldStatus.ACTIVE;
        Hold captured = new Hold(
                hold.id(),
                hold.organizationId(),
                hold.amount(),
                hold.captured().plus(amount),
                remaining,
                hold.purpose(),
                hold.cause(),
                hold.deadline(),
                next,
                hold.createdAt(),
                next == HoldStatus.ACTIVE ? Optional.empty() : Optional.of(now));
        return new Step(
                captured,
                transfer(hold, hold.heldAccount(), destination, amount, hold.purpose()),
                LedgerEvents.HoldCaptured);
    }

    public static Step release(Hold hold, Instant now) {
        return giveBack(hold, HoldStatus.RELEASED, RELEASE, LedgerEvents.HoldReleased, now);
    }

    public static Step expire(Hold hold, Instant now) {
        if (!hold.isDue(now)) {
            throw Rejection.conflict(LedgerCodes.HOLD_NOT_DUE, "The hold's deadline has not come");
        }
        return giveBack(hold, HoldStatus.EXPIRED, EXPIRY, LedgerEvents.HoldExpired, now);
    }

    private static Step giveBack(Hold hold, HoldStatus next, String reason, LedgerEvents event, Instant now) {
        hold.status().transitionTo(next);
        Hold ended = new Hold(
                hold.id(),
                hold.organizationId(),
                hold.amount(),
                hold.captured(),
                Money.zero(hold.amount().currency()),
                hold.purpose(),
                hold.cause(),
                hold.deadline(),
                next,
                hold.createdAt(),
                Optional.of(now));
        return new Step(
                ended, transfer(hold, hold.heldAccount(), hold.availableAccount(), hold.remaining(), reason), event);
    }

    private static TransferRequest transfer(Hold hold, AccountId from, AccountId to, Money amount, String reason) {
        return TransferRequest.of(from, to, amount, reason, "hold:" + hold.id());
    }
}
