package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.deal.persistence.DealInstalments;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * The buyer pays the instalments after the first, in order and each once. Until the delivery is accepted an
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
    private final Settlement settlement;
    private final DealCompletion completion;
    private final DealJournal journal;
    private final Clock clock;

    InstalmentPayments(DealAccess access, DealContracts contracts, DealInstalments instalments, Ledger ledger,
            Settlement settlement, DealCompletion completion, DealJournal journal, Clock clock) {
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
        DealRow deal = access.lockedForParty(actor, dealId, MarketAction.PAY_INSTALMENT);
        String buyer = DealAccess.buyerOnly(actor, deal);
        InstalmentPlan plan = contracts.instalments(dealId).orElseThrow(() -> Rejection.conflict(
                DealCodes.NOT_PAID_IN_INSTALMENTS, "Deal " + dealId + " is not paid in instalments"));
        boolean completed = switch (deal.status()) {
            case FUNDED, DELIVERED -> false;
            case COMPLETED -> true;
            default -> throw Rejection.conflict(DealCodes.INSTALMENT_NOT_PAYABLE, "A deal that is " + deal.status()
                    + " takes no instalments" + reason(deal));
        };
        InstalmentPlan.Entry entry = plan.payable(number);
        Instant now = clock.instant();
        String currency = deal.price().currency();
        Money amount = entry.amount();
        AccountId escrow = AccountId.escrow(dealId, currency);
        ledger.transfer(actor, TransferRequest.of(AccountId.available(buyer, currency), escrow, amount,
                "DEAL_INSTALMENT", "deal:" + dealId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("number", number);
        details.put("amount", amount.toString());
        if (completed) {
            Payout payout = settlement.release(amount.minor());
            completion.payOut(deal, payout);
            details.put("toSeller", payout.toSeller());
            details.put("toFees", payout.toFees());
        } else {
            details.put("toEscrow", amount.minor());
        }
        if (!instalments.markPaid(dealId, number, now, actor.auditName())) {
            throw new IllegalStateException("instalment " + number + " of deal " + dealId + " changed under its lock");
        }
        journal.record(actor.auditName(), "InstalmentPaid", deal, now, details);
        return new InstalmentPlan.Entry(number, entry.amount(), entry.dueDate(), java.util.Optional.of(now));
    }

    private static String reason(DealRow deal) {
        return switch (deal.status()) {
            case DRAFT, SIGNING, SIGNED -> ": fund it first, which pays the first instalment";
            case DISPUTED -> ": its escrow is frozen until the dispute is resolved";
            default -> "";
        };
    }
}
