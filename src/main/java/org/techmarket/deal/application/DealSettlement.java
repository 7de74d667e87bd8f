package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.DealFees;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealDeliveries.Document;
import org.techmarket.deal.persistence.DealDeliveries.RecordedGrant;
import org.techmarket.deal.persistence.DealInstalments;
import org.techmarket.deal.persistence.DealPaymentTerms;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Moves a deal's money and rights: the buyer funds escrow (the deposit counts), the seller delivers, the buyer
 * accepts (or the acceptance period lapses), and escrow pays the seller less the venue fee while the rights
 * registry records what passes. Every step locks the deal row first and checks its status under that lock, so
 * racing requests move money once and change rights once.
 */
@Service
public class DealSettlement {

    private final DealAccess access;
    private final Deals deals;
    private final DealDeliveries deliveries;
    private final Ledger ledger;
    private final DealFeeRules settlement;
    private final DealJournal journal;
    private final DealCompletion completion;
    private final Clock clock;
    private final DealContracts contracts;
    private final DealInstalments instalments;

    DealSettlement(
            DealAccess access,
            Deals deals,
            DealDeliveries deliveries,
            Ledger ledger,
            DealCompletion completion,
            DealFeeRules settlement,
            DealJournal journal,
            Clock clock,
            DealContracts contracts,
            DealInstalments instalments) {
        this.instalments = instalments;
        this.contracts = contracts;
        this.completion = completion;
        this.access = access;
        this.deals = deals;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.settlement = settlement;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * The deal as a step left it, the payment terms the step read (as the step left them) and, when the step moved
     * escrow, the balance it left there, from which its view is answered without reading them again.
     */
    public record Stepped(Deal deal, DealPaymentTerms.Terms terms, Optional<Money> escrow) {}

    /**
     * The buyer places what funding asks in escrow (the price, or the first instalment of a deal paid in
     * instalments, and the buyer's broker's commission when the contract names one): first what the deposit hold
     * still has, then from available funds. A sale's deposit has then done
     * its work and the rest of it goes back; a commission's reserve stays held for the later instalments.
     */
    @Transactional
    public Stepped fund(Actor actor, String dealId) {
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.FUND_DEAL);
        String buyer = DealAccess.buyerOnly(actor, deal);
        Instant now = now();
        String currency = deal.price().currency();
        DealPaymentTerms.Terms terms = contracts.terms(dealId);
        Money forPrice = contracts.of(deal, terms).payment().fundingAmount(deal.price());
        Money commission = Money.of(terms.buyersCommission().dueFen(), currency);
        Money due = forPrice.plus(commission);
        Optional<Hold> deposit = completion.heldDeposit(deal, now);
        Money captured = Money.of(
                deposit.map(h -> Math.min(h.remaining().minor(), due.minor())).orElse(0L), currency);
        Deal.Moved funded = deal.fund(due, captured, now);
        AccountId escrow = ledger.openEscrow(actor, dealId, currency);
        // the deposit counts towards the price; the buyer's broker's commission is a line of its own on its statement
        Money priceRest = forPrice.minus(Money.of(Math.min(captured.minor(), forPrice.minor()), currency));
        Money commissionRest = due.minus(captured).minus(priceRest);
        List<TransferRequest> funding = new ArrayList<>();
        AccountId available = AccountId.available(buyer, currency);
        if (priceRest.isPositive()) {
            funding.add(TransferRequest.of(available, escrow, priceRest, "DEAL_FUNDING", "deal:" + dealId));
        }
        if (commissionRest.isPositive()) {
            funding.add(TransferRequest.of(
                    available, escrow, commissionRest, DealCompletion.BUYER_BROKER_COMMISSION, "deal:" + dealId));
        }
        if (deposit.isPresent()) {
            // a sale's deposit has done its work once captured; a commission's reserve stays held for what follows
            ledger.captureAndTransfer(
                    actor, deposit.get().id(), captured, escrow, !DealCompletion.isReserve(deal), funding);
        } else if (!funding.isEmpty()) {
            ledger.transferAll(actor, funding);
        }
        deals.store(funded.deal());
        terms.instalments().ifPresent(plan -> instalments.markPaid(dealId, 1, now, actor.auditName()));
        // appended with the ledger's events of the posting before it, in the statement of the step's history
        journal.recordAtCommit(actor.auditName(), funded);
        // a signed deal's escrow holds nothing until this step, which moves exactly what funding asks into it
        return new Stepped(
                funded.deal(),
                terms.instalments().isPresent() ? terms.withFirstInstalmentPaid(now) : terms,
                Optional.of(due));
    }

    /**
     * The seller, or a lender enforcing its pledge for the seller, records what was delivered; the acceptance period
     * starts now.
     */
    @Transactional
    public Stepped deliver(Actor actor, String dealId, List<Document> documents) {
        requireDocuments(documents);
        DealAccess.Acting acting = access.lockedForPartyOrPledgee(actor, dealId, MarketAction.DELIVER);
        Deal deal = acting.deal();
        if (acting.pledgee().isEmpty()) {
            DealAccess.sellerOnly(actor, deal);
        }
        Instant now = now();
        DealPaymentTerms.Terms terms = contracts.terms(dealId);
        Deal.Moved delivered = deal.deliver(
                documents.stream().map(Document::sha256).toList(),
                now,
                contracts.of(deal, terms).acceptanceDeadline(now));
        deals.store(delivered.deal());
        deliveries.addDocuments(dealId, documents);
        // the step's history and audit event in one statement
        journal.recordAtCommit(acting.auditName(), delivered);
        return new Stepped(delivered.deal(), terms, Optional.empty());
    }

    /** The buyer accepts the delivery, which completes the deal. */
    @Transactional
    public Stepped accept(Actor actor, String dealId) {
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.ACCEPT_DELIVERY);
        DealAccess.buyerOnly(actor, deal);
        return acceptAndComplete(actor.auditName(), deal.accept(now()));
    }

    /** Accepts the deal if its acceptance period has lapsed at {@code asOf} and nobody else holds it now. */
    @Transactional
    public Optional<Deal> acceptIfLapsed(String dealId, Instant asOf) {
        return deals.claimLapsedAcceptance(dealId, asOf)
                .map(deal -> acceptAndComplete(Actor.SYSTEM.auditName(), deal.acceptAutomatically(now()))
                        .deal());
    }

    /**
     * The payout is worked out and a lender's claim on the proceeds settled first, then the rights registry records
     * what passes and the deal its steps; the ledger posts the payout as the step commits, after the steps' notices
     * and audit events, so that the seller's and the venue's accounts, which every completion of theirs credits, stay
     * locked only for the posting, the feed's entries and the commit.
     */
    private Stepped acceptAndComplete(String actor, Deal.Moved accepted) {
        Deal deal = accepted.deal();
        Instant now = deal.updatedAt();
        DealPaymentTerms.Terms terms = contracts.terms(deal.id());
        Optional<DealFees.FeeTerms> fees = settlement.terms(deal);
        Money escrowBefore = completion.escrowBalance(deal);
        Payout payout = terms.buyersCommission()
                .release(settlement.settlementFor(deal, terms.instalments().isPresent(), fees), escrowBefore.minor());
        List<TransferRequest> payoutBatch = completion.completing(deal, payout, terms, fees);
        List<RecordedGrant> grants = completion.passRights(deal, now);
        Deal.Moved completed = deal.complete(
                payout, grants.stream().map(RecordedGrant::grantId).toList(), now);
        deals.store(completed.deal());
        // appended with the grant's event, in the statement of the steps' history; the payout's event goes with the
        // payout's statement as the step commits
        journal.recordAtCommit(actor, accepted, completed);
        completion.postAtCommit(payoutBatch);
        return new Stepped(completed.deal(), terms, Optional.of(escrowAfter(deal, escrowBefore, payoutBatch)));
    }

    /** What escrow holds once {@code batch} is posted, from what it held before: the batch's moves in and out of it. */
    private static Money escrowAfter(Deal deal, Money before, List<TransferRequest> batch) {
        AccountId escrow = AccountId.escrow(deal.id(), before.currency());
        long balance = before.minor();
        for (TransferRequest t : batch) {
            if (t.from().equals(escrow)) {
                balance -= t.amount().minor();
            }
            if (t.to().equals(escrow)) {
                balance += t.amount().minor();
            }
        }
        return Money.of(balance, before.currency());
    }

    /**
     * Now, to the microsecond the database keeps, so that the deal a step returns is the deal as stored and its view
     * can be answered from it.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireDocuments(List<Document> documents) {
        if (documents == null || documents.isEmpty()) {
            throw Rejection.invalid(
                    DealCodes.DOCUMENTS_REQUIRED, "documents", "a delivery names at least one document");
        }
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            if (d == null || d.sha256() == null || !d.sha256().matches("[0-9a-f]{64}")) {
                throw Rejection.invalid(
                        DealCodes.INVALID_DOCUMENT_HASH,
                        "documents[" + i + "].sha256",
                        "a document is identified by its SHA-256 in 64 lowercase hex digits");
            }
            if (d.description() == null
                    || d.description().isBlank()
                    || d.description().length() > 1000) {
                throw Rejection.invalid(
                        DealCodes.INVALID_DOCUMENT_DESCRIPTION,
                        "documents[" + i + "].description",
                        "a document has a description of 1 to 1000 characters");
            }
        }
    }
}
