package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.persistence.CancellationProposals;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Ends a deal early. Before escrow holds money (DRAFT, SIGNING, SIGNED) it may be cancelled: by the parties'
 * agreement (one proposes, the other confirms), by the seller alone or by an operator of the deal's venue, each of
 * which gives a deposit still held back to the buyer; the buyer walking away alone from an award whose deposit is
 * held defaults instead and forfeits it ({@link BuyerDefaults}). A completed licence may be terminated from a date
 * on; the licences the deal recorded in the rights registry end from that date too. Each locks the deal row first.
 */
@Service
public class DealEnding {

    private static final int MAX_REASON = 2_000;

    private final Deals deals;
    private final Ledger ledger;
    private final DealJournal journal;
    private final Clock clock;
    private final DealDeliveries deliveries;
    private final RightsRegistry rights;
    private final BuyerDefaults defaults;
    private final CancellationProposals proposals;
    private final DealAccess access;

    DealEnding(Deals deals, Ledger ledger, DealJournal journal, Clock clock, DealDeliveries deliveries,
            RightsRegistry rights, BuyerDefaults defaults, CancellationProposals proposals, DealAccess access) {
        this.access = access;
        this.defaults = defaults;
        this.proposals = proposals;
        this.deals = deals;
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
        this.deliveries = deliveries;
        this.rights = rights;
    }

    /**
     * A one-sided cancellation, or with {@code mutual} a proposal to cancel by agreement that the other party
     * confirms ({@link #agreeToCancel}). The buyer walking away alone from an awarded deal whose deposit is held
     * defaults: the deposit is forfeited as when it does not fund. The seller's or an operator's cancellation, and
     * the buyer's where no deposit is held, release whatever is held to the buyer.
     */
    @Transactional
    public DealRow cancel(Actor actor, String dealId, String reason, boolean mutual) {
        requireReason(reason);
        DealRow deal = lockedForPartyOrOperator(actor, dealId);
        access.requirePermitted(actor, MarketAction.CANCEL_DEAL);
        requireCancellable(deal);
        if (mutual) {
            return propose(actor, deal, reason.strip());
        }
        Instant now = clock.instant();
        boolean buyerWalksAway = actor.belongsTo(deal.buyer().organizationId())
                && deal.status().canBecome(DealStatus.DEFAULTED, deal.contractType())
                && defaults.heldDeposit(deal, now).isPresent();
        if (buyerWalksAway) {
            return defaults.declare(deal, actor, "BuyerWalkedAway", Map.of("reason", reason.strip(),
                    "from", deal.status().name()));
        }
        return cancelled(actor, deal, reason.strip(), Map.of());
    }

    /** The other party confirms a proposed cancellation by agreement: the deal is cancelled, the deposit released. */
    @Transactional
    public DealRow agreeToCancel(Actor actor, String dealId) {
        DealRow deal = lockedForPartyOrOperator(actor, dealId);
        if (actor.organizationId().isEmpty()) {
            throw Rejection.forbidden("Only the deal's parties agree to cancel it; an operator cancels it outright");
        }
        access.requirePermitted(actor, MarketAction.CANCEL_DEAL);
        requireCancellable(deal);
        CancellationProposals.Proposal proposal = proposals.find(dealId).orElseThrow(() -> Rejection.conflict(
                DealCodes.CANCELLATION_NOT_PROPOSED, "Neither party has proposed to cancel deal " + dealId
                        + " by agreement"));
        if (actor.belongsTo(proposal.proposedBy())) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, DealCodes.NOT_THE_COUNTERPARTY,
                    "The other party confirms a cancellation you proposed");
        }
        return cancelled(actor, deal, proposal.reason(), Map.of("mutual", true, "proposedBy", proposal.proposedBy(),
                "agreedBy", actor.requireOrganization()));
    }

    private DealRow propose(Actor actor, DealRow deal, String reason) {
        String party = actor.organizationId().orElseThrow(() -> Rejection.forbidden(
                "Only the deal's parties propose to cancel it by agreement; an operator cancels it outright"));
        proposals.find(deal.id()).filter(p -> !p.proposedBy().equals(party)).ifPresent(p -> {
            throw Rejection.conflict(DealCodes.CANCELLATION_ALREADY_PROPOSED, "The other party has proposed to cancel"
                    + " this deal by agreement already; confirm it at /deals/" + deal.id() + "/cancellation/agreement");
        });
        Instant now = clock.instant();
        proposals.propose(new CancellationProposals.Proposal(deal.id(), party, reason, now));
        journal.record(actor.auditName(), "CancellationProposed", deal, now, Map.of("reason", reason,
                "proposedBy", party));
        return deal;
    }

    private DealRow cancelled(Actor actor, DealRow deal, String reason, Map<String, ?> extra) {
        Instant now = clock.instant();
        DealRow cancelled = deal.withStatus(deal.status().transitionTo(DealStatus.CANCELLED, deal.contractType()), now);
        Optional<Hold> deposit = defaults.heldDeposit(deal, now);
        Money released = deposit.map(Hold::remaining).orElse(Money.zero(deal.price().currency()));
        deposit.ifPresent(h -> ledger.release(actor, h.id()));
        deals.updateStatus(cancelled);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("from", deal.status().name());
        details.put("depositReleased", released.decimal());
        details.putAll(extra);
        journal.record(actor.auditName(), "DealCancelled", cancelled, now, details);
        return cancelled;
    }

    private static void requireCancellable(DealRow deal) {
        if (deal.status().holdsEscrow()) {
            // DISPUTED → CANCELLED is an operator's refund decision on the dispute, not a cancellation.
            throw Rejection.conflict(DealCodes.INVALID_STATUS_TRANSITION, "A deal that is " + deal.status()
                    + " holds money in escrow and cannot be cancelled");
        }
        deal.status().transitionTo(DealStatus.CANCELLED, deal.contractType());
    }

    @Transactional
    public DealRow terminate(Actor actor, String dealId, String reason, LocalDate effectiveOn) {
        requireReason(reason);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (effectiveOn == null || effectiveOn.isBefore(today)) {
            throw Rejection.invalid(DealCodes.INVALID_TERMINATION_DATE, "effectiveOn",
                    "the date the termination takes effect is required, today (" + today + ") or later");
        }
        DealRow deal = lockedForPartyOrOperator(actor, dealId);
        access.requirePermitted(actor, MarketAction.TERMINATE_LICENCE);
        Instant now = clock.instant();
        DealRow terminated = deal.withStatus(deal.status().transitionTo(DealStatus.TERMINATED, deal.contractType()),
                now);
        deals.updateStatus(terminated);
        deliveries.grants(dealId).forEach(grant -> rights.endGrant(actor.auditName(), grant.grantId(),
                reason.strip(), effectiveOn));
        journal.record(actor.auditName(), "LicenceTerminated", terminated, now, Map.of("reason", reason.strip(),
                "effectiveOn", effectiveOn.toString()));
        return terminated;
    }

    private DealRow lockedForPartyOrOperator(Actor actor, String dealId) {
        DealRow deal = deals.lock(dealId).orElseThrow(() -> DealAccess.notFound(dealId));
        if (!mayEnd(actor, deal)) {
            throw DealAccess.notFound(dealId).hidingExisting();
        }
        return deal;
    }

    private static boolean mayEnd(Actor actor, DealRow deal) {
        if (actor.isOperator()) {
            return actor.venueId().map(deal.venueId()::equals).orElse(true);
        }
        return actor.organizationId().map(deal::isParty).orElse(false);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw Rejection.invalid(DealCodes.INVALID_REASON, "reason", "a reason of 1 to " + MAX_REASON
                    + " characters is required");
        }
    }
}
