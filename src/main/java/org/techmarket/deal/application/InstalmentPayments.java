package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealEvent.InstalmentPaid;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.persistence.DealInstalments;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * The buyer pays the instalments after the first, in order and each once: from the commission's reserve while it
 * has funds (what is left of it goes back with the last instalment), otherwise from available funds. Until the delivery is accepted an
 * instalment goes into the deal's escrow, where it is protected like the first (acceptance pays it out, a dispute
 * decides it); once the deal is COMPLETED it passes through escrow straight to the seller, less the venue fee. The
 * deal row is locked first, so two payments of one instalment move money once.
 */
@Service
public class InstalmentPayments {

    private final DealAccess access;
    private final DealContracts contracts;
    private final DealInstalments instalments;
    private final Ledger ledger;
    private final DealFeeRules settlement;
    private final DealCompletion completion;
    private final DealJournal journal;
    private final Clock clock;

    InstalmentPayments(
            DealAccess access,
            DealContracts contracts,
            DealInstalments instalments,
            Ledger ledger,
            DealFeeRules settlement,
            DealCompletion completion,
            DealJournal journal,
            Clock clock) {
        this.access = access;
        this.contracts = contracts;
        this.instalments = instalments;
        this.ledger = ledger;
        this.settlement = settlement;
        this.completion = completion;
        this.journal = journal;
        this.clock = clock;
    }

    /** Pays instalment {@code number} of the deal from the buyer's available funds. */
    @Transactional
    public InstalmentPlan.Entry pay(Actor actor, String dealId, int number) {
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.PAY_INSTALMENT);
        String buyer = DealAccess.buyerOnly(actor, deal);
        InstalmentPlan plan = contracts
                .instalments(dealId)
                .orElseThrow(() -> Rejection.conflict(
                        DealCodes.NOT_PAID_IN_INSTALMENTS, "Deal " + dealId + " is not paid in instalments"));
        Instant now = clock.instant();
        Deal.Moved paying = deal.payInstalment(plan, number, settlement.settlementFor(deal, plan), now);
        InstalmentPaid paid = paying.event(InstalmentPaid.class);
        String currency = deal.price().currency();
        AccountId escrow = AccountId.escrow(dealId, currency);
        Optional<Hold> reserve = completion.heldDeposit(deal, now);
        long fromReserve = reserve.map(
                        h -> Math.min(h.remaining().minor(), paid.amount().minor()))
                .orElse(0L);
        if (fromReserve > 0) {
            ledger.capture(actor, reserve.get().id(), Money.of(fromReserve, currency), escrow);
        }
        Money rest = paid.amount().minus(Money.of(fromReserve, currency));
        if (rest.isPositive()) {
            ledger.transfer(
                    actor,
                    TransferRequest.of(
                            AccountId.available(buyer, currency), escrow, rest, "DEAL_INSTALMENT", "deal:" + dealId));
        }
        if (reserve.isPresent()
                && reserve.get().remaining().minor() > fromReserve
                && plan.entries().stream()
                        .allMatch(e -> e.number() == number || e.paidAt().isPresent())) {
            ledger.release(actor, reserve.get().id());
        }
        paid.payout().ifPresent(payout -> completion.payOut(deal, payout));
        if (!instalments.markPaid(dealId, number, now, actor.auditName())) {
            throw new IllegalStateException("instalment " + number + " of deal " + dealId + " changed under its lock");
        }
        journal.record(actor.auditName(), paying);
        InstalmentPlan.Entry entry = paid.entry();
        return new InstalmentPlan.Entry(number, entry.amount(), entry.dueDate(), Optional.of(now));
    }
}
