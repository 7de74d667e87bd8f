package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.DisputeOutcome;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.deal.persistence.Disputes;
import org.techmarket.deal.persistence.Disputes.Decision;
import org.techmarket.deal.persistence.Disputes.DisputeRow;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Either party disputes a funded or delivered deal, which freezes its escrow: nothing but an operator's decision
 * moves it. The operator of the deal's venue releases it to the seller, refunds the buyer or splits it, in writing;
 * release and split complete the deal (the rights pass, and the brokers the contract names are paid as at acceptance),
 * a refund cancels it (all the buyer placed in escrow goes back, a buyer's broker's commission with it).
 */
@Service
public class DealDisputes {

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_EVIDENCE = 50;

    private final DealAccess access;
    private final Deals deals;
    private final Disputes disputes;
    private final DealCompletion completion;
    private final DealFeeRules settlement;
    private final DealJournal journal;
    private final IdGenerator ids;
    private final Clock clock;

    DealDisputes(
            DealAccess access,
            Deals deals,
            Disputes disputes,
            DealCompletion completion,
            DealFeeRules settlement,
            DealJournal journal,
            IdGenerator ids,
            Clock clock) {
        this.access = access;
        this.deals = deals;
        this.disputes = disputes;
        this.completion = completion;
        this.settlement = settlement;
        this.journal = journal;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public DisputeRow open(Actor actor, String dealId, String reasons, List<String> evidence) {
        requireText(reasons, "reasons");
        List<String> hashes = evidence == null ? List.of() : evidence;
        if (hashes.size() > MAX_EVIDENCE) {
            throw Rejection.invalid(
                    DealCodes.TOO_MUCH_EVIDENCE, "evidence", "at most " + MAX_EVIDENCE + " evidence hashes");
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (hashes.get(i) == null || !hashes.get(i).matches("[0-9a-f]{64}")) {
                throw Rejection.invalid(
                        SharedCodes.INVALID_EVIDENCE_HASH,
                        "evidence[" + i + "]",
                        "evidence is identified by its SHA-256 in 64 lowercase hex digits");
            }
        }
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.DISPUTE);
        Instant now = clock.instant();
        String disputeId = ids.newId();
        Deal.Moved disputed = deal.dispute(disputeId, hashes, now);
        DisputeRow dispute = new DisputeRow(
                disputeId,
                dealId,
                deal.price().currency(),
                actor.requireOrganization(),
                reasons.strip(),
                hashes,
                now,
                Optional.empty());
        disputes.open(dispute);
        deals.store(disputed.deal());
        journal.record(actor.auditName(), disputed);
        return dispute;
    }

    /** The operator's decision; {@code sellerAmount} is the seller's gross share and counts only for SPLIT. */
    @Transactional
    public DisputeRow resolve(
            Actor actor, String disputeId, DisputeOutcome outcome, Money sellerAmount, String decision) {
        actor.requireOperator();
        if (outcome == null) {
            throw Rejection.invalid(DealCodes.OUTCOME_REQUIRED, "outcome", "outcome is RELEASE, REFUND or SPLIT");
        }
        requireText(decision, "decision");
        DisputeRow dispute = disputes.find(disputeId).orElseThrow(() -> notFound(disputeId));
        Deal deal = deals.lock(dispute.dealId()).orElseThrow();
        if (actor.venueId().map(v -> !v.equals(deal.venueId())).orElse(false)) {
            throw notFound(disputeId);
        }
        if (dispute.decision().isPresent()) {
            throw Rejection.conflict(DealCodes.DISPUTE_ALREADY_RESOLVED, "Dispute " + disputeId + " has been decided");
        }
        Instant now = clock.instant();
        long escrow = completion.escrowBalance(deal).minor();
        long sellerGross = outcome == DisputeOutcome.SPLIT ? splitShare(sellerAmount, deal) : 0;
        Payout payout =
                outcome.payout(settlement.settlementFor(deal), completion.buyersCommission(deal), escrow, sellerGross);
        Deal.Moved closed = deal.resolve(disputeId, outcome, payout, now);
        if (closed.deal().status() == DealStatus.COMPLETED) {
            completion.payOutCompleting(deal, payout);
            completion.passRights(deal, now);
        } else {
            completion.payOut(deal, payout);
        }
        disputes.decide(disputeId, new Decision(outcome, sellerGross, decision.strip(), actor.auditName(), now));
        deals.store(closed.deal());
        journal.record(actor.auditName(), closed);
        return disputes.find(disputeId).orElseThrow();
    }

    /** The disputes waiting for an operator's decision, of the operator's venue, oldest first. */
    @Transactional(readOnly = true)
    public List<DisputeRow> undecided(Actor actor, Integer limit) {
        actor.requireOperator();
        return disputes.undecided(actor.venueId(), Cursor.limit(limit));
    }

    /** As {@link #undecided(Actor, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<DisputeRow>> undecided(Actor actor, Integer limit, ReadsTogether.Batch batch) {
        actor.requireOperator();
        return disputes.undecided(actor.venueId(), Cursor.limit(limit), batch);
    }

    @Transactional(readOnly = true)
    public DisputeRow find(Actor actor, String disputeId) {
        DisputeRow dispute = disputes.find(disputeId).orElseThrow(() -> notFound(disputeId));
        try {
            access.readable(actor, dispute.dealId());
        } catch (Rejection hidden) {
            throw notFound(disputeId);
        }
        return dispute;
    }

    private static long splitShare(Money sellerAmount, Deal deal) {
        if (sellerAmount == null) {
            throw Rejection.invalid(
                    DealCodes.SELLER_AMOUNT_REQUIRED, "sellerAmount", "a split names the seller's share");
        }
        if (!sellerAmount.currency().equals(deal.price().currency())) {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "sellerAmount.currency",
                    "the deal is in " + deal.price().currency());
        }
        return sellerAmount.minor();
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw Rejection.invalid(
                    DealCodes.TEXT_REQUIRED, field, field + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private static Rejection notFound(String disputeId) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND, DealCodes.DISPUTE_NOT_FOUND, "Dispute " + disputeId + " does not exist");
    }
}
