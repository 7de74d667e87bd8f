package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealEvent.Agreement;
import org.techmarket.deal.persistence.CancellationProposals;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.MarketAction;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

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
    private final DealCompletion completion;
    private final CancellationProposals proposals;
    private final DealAccess access;

    DealEnding(
            Deals deals,
            Ledger ledger,
            DealJournal journal,
            Clock clock,
            DealDeliveries deliveries,
            RightsRegistry rights,
            BuyerDefaults defaults,
            DealCompletion completion,
            CancellationProposals proposals,
            DealAccess access) {
        this.access = access;
        this.completion = completion;
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
    public Deal cancel(Actor actor, String dealId, String reason, boolean mutual) {
        requireReason(reason);
        Deal deal = lockedForPartyOrOperator(actor, dealId);
        access.requirePermitted(actor, MarketAction.CANCEL_DEAL);
        deal.requireCancellable();
        if (mutual) {
            return propose(actor, deal, reason.strip());
        }
        Instant now = clock.instant();
        boolean buyerWalksAway = actor.belongsTo(deal.buyer().organizationId())
                && deal.mayDefault()
                && completion.heldDeposit(deal, now).isPresent();
        if (buyerWalksAway) {
            return defaults.walkAway(deal, actor, reason.strip());
        }
        return cancelled(actor, deal, reason.strip(), Optional.empty());
    }

    /** The other party confirms a proposed cancellation by agreement: the deal is cancelled, the deposit released. */
    @Transactional
    public Deal agreeToCancel(Actor actor, String dealId) {
        Deal deal = lockedForPartyOrOperator(actor, dealId);
        if (actor.organizationId().isEmpty()) {
            throw Rejection.forbidden("Only the deal's parties agree to cancel it; an operator cancels it outright");
        }
        access.requirePermitted(actor, MarketAction.CANCEL_DEAL);
        deal.requireCancellable();
        CancellationProposals.Proposal proposal = proposals
                .find(dealId)
                .orElseThrow(() -> Rejection.conflict(
                        DealCodes.CANCELLATION_NOT_PROPOSED,
                        "Neither party has proposed to cancel deal " + dealId + " by agreement"));
        if (actor.belongsTo(proposal.proposedBy())) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    DealCodes.NOT_THE_COUNTERPARTY,
                    "The other party confirms a cancellation you proposed");
        }
        return cancelled(
                actor,
                deal,
                proposal.reason(),
                Optional.of(new Agreement(proposal.proposedBy(), actor.requireOrganization())));
    }

    private Deal propose(Actor actor, Deal deal, String reason) {
        String party = actor.organizationId()
                .orElseThrow(() -> Rejection.forbidden(
                        "Only the deal's parties propose to cancel it by agreement; an operator cancels it outright"));
        proposals.find(deal.id()).filter(p -> !p.proposedBy().equals(party)).ifPresent(p -> {
            throw Rejection.conflict(
                    DealCodes.CANCELLATION_ALREADY_PROPOSED,
                    "The other party has proposed to cancel" + " this deal by agreement already; confirm it at /deals/"
                            + deal.id() + "/cancellation/agreement");
        });
        Instant now = clock.instant();
        Deal.Moved proposed = deal.proposeCancellation(party, reason, now);
        proposals.propose(new CancellationProposals.Proposal(deal.id(), party, reason, now));
        journal.record(actor.auditName(), proposed);
        return deal;
    }

    private Deal cancelled(Actor actor, Deal deal, String reason, Optional<Agreement> agreement) {
        Instant now = clock.instant();
        Optional<Hold> deposit = completion.heldDeposit(deal, now);
        Money released =
                deposit.map(Hold::remaining).orElse(Money.zero(deal.price().currency()));
        Deal.Moved cancelled = deal.cancel(reason, released, agreement, now);
        deposit.ifPresent(h -> ledger.release(actor, h.id()));
        deals.store(cancelled.deal());
        journal.record(actor.auditName(), cancelled);
        return cancelled.deal();
    }

    @Transactional
    public Deal terminate(Actor actor, String dealId, String reason, LocalDate effectiveOn) {
        requireReason(reason);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (effectiveOn == null || effectiveOn.isBefore(today)) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERMINATION_DATE,
                    "effectiveOn",
                    "the date the termination takes effect is required, today (" + today + ") or later");
        }
        Deal deal = lockedForPartyOrOperator(actor, dealId);
        access.requirePermitted(actor, MarketAction.TERMINATE_LICENCE);
        Deal.Moved terminated = deal.terminate(reason.strip(), effectiveOn, clock.instant());
        deals.store(terminated.deal());
        deliveries
                .grants(dealId)
                .forEach(grant -> rights.endGrant(actor.auditName(), grant.grantId(), reason.strip(), effectiveOn));
        journal.record(actor.auditName(), terminated);
        return terminated.deal();
    }

    private Deal lockedForPartyOrOperator(Actor actor, String dealId) {
        Deal deal = deals.lock(dealId).orElseThrow(() -> DealAccess.notFound(dealId));
        if (!mayEnd(actor, deal)) {
            throw DealAccess.notFound(dealId).hidingExisting();
        }
        return deal;
    }

    private static boolean mayEnd(Actor actor, Deal deal) {
        if (actor.isOperator()) {
            return actor.venueId().map(deal.venueId()::equals).orElse(true);
        }
        return actor.organizationId().map(deal::isParty).orElse(false);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_REASON, "reason", "a reason of 1 to " + MAX_REASON + " characters is required");
        }
    }
}
