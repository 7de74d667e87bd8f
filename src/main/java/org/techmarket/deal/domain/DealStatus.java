package org.techmarket.deal.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where a deal stands. The happy path is DRAFT → SIGNING → SIGNED → FUNDED → DELIVERED → ACCEPTED → COMPLETED.
 * Until money is in escrow the deal may be cancelled (CANCELLED); a buyer who has not funded a signed deal by the
 * funding deadline, or who walks away alone from an award while its deposit is held (SIGNING or SIGNED),
 * DEFAULTED. Once escrow holds money it leaves only by acceptance or by an operator's decision on a dispute, which
 * ends COMPLETED (released or split: the buyer keeps the technology at the price decided) or CANCELLED (refunded).
 * A completed licence may later be TERMINATED; an assignment cannot be undone this way. DEFAULTED, CANCELLED and
 * TERMINATED are final.
 */
public enum DealStatus {
    DRAFT,
    SIGNING,
    SIGNED,
    FUNDED,
    DELIVERED,
    ACCEPTED,
    COMPLETED,
    DEFAULTED,
    DISPUTED,
    CANCELLED,
    TERMINATED;

    // The whole lifecycle, in one place: every allowed move and nothing else.
    private static final Map<DealStatus, Set<DealStatus>> TRANSITIONS = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SIGNING, CANCELLED)),
            Map.entry(SIGNING, EnumSet.of(SIGNED, DEFAULTED, CANCELLED)),
            Map.entry(SIGNED, EnumSet.of(FUNDED, DEFAULTED, CANCELLED)),
            Map.entry(FUNDED, EnumSet.of(DELIVERED, DISPUTED)),
            Map.entry(DELIVERED, EnumSet.of(ACCEPTED, DISPUTED)),
            Map.entry(ACCEPTED, EnumSet.of(COMPLETED)),
            Map.entry(DISPUTED, EnumSet.of(COMPLETED, CANCELLED)),
            Map.entry(COMPLETED, EnumSet.of(TERMINATED)),
            Map.entry(DEFAULTED, EnumSet.noneOf(DealStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(DealStatus.class)),
            Map.entry(TERMINATED, EnumSet.noneOf(DealStatus.class)));

    /** Whether the table allows the move for a deal of {@code type}; only licences can be TERMINATED. */
    public boolean canBecome(DealStatus next, ContractType type) {
        return TRANSITIONS.get(this).contains(next) && (next != TERMINATED || type == ContractType.LICENSING);
    }

    /** The status after moving to {@code next}, or a refusal when the table does not allow it. */
    public DealStatus transitionTo(DealStatus next, ContractType type) {
        if (canBecome(next, type)) {
            return next;
        }
        if (next == TERMINATED && TRANSITIONS.get(this).contains(next)) {
            throw Rejection.conflict(
                    DealCodes.TERMINATION_NOT_ALLOWED,
                    "Only a licence can be terminated; a " + type + " deal that is COMPLETED stays completed");
        }
        throw Rejection.conflict(
                SharedCodes.INVALID_STATUS_TRANSITION, "A deal that is " + this + " cannot become " + next);
    }

    /** The statuses a deal of {@code type} may move to next, for showing what can be done with it. */
    public Set<DealStatus> next(ContractType type) {
        Set<DealStatus> result = EnumSet.noneOf(DealStatus.class);
        TRANSITIONS.get(this).stream().filter(s -> canBecome(s, type)).forEach(result::add);
        return Set.copyOf(result);
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Whether escrow may hold the buyer's money in this status, so that it must not be touched but by the rules. */
    public boolean holdsEscrow() {
        return this == FUNDED || this == DELIVERED || this == ACCEPTED || this == DISPUTED;
    }

    /** Whether the contract is signed and in force, so that it may be registered with the venue. */
    public boolean mayRegister() {
        return this == SIGNED
                || this == FUNDED
                || this == DELIVERED
                || this == ACCEPTED
                || this == COMPLETED
                || this == DISPUTED;
    }
}
