package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.Payout;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * A buyer's default on a deal, the one path for both ways a buyer fails an award: not funding a signed deal by its
 * deadline, and walking away from it alone. The deal becomes DEFAULTED, the award deposit still held is forfeited to
 * the seller less the venue fee, and where the auction had a runner-up the deal records that the seller may offer it
 * to them. Called with the deal row locked.
 */
@Component
class BuyerDefaults {

    private final Deals deals;
    private final Ledger ledger;
    private final DealCompletion completion;
    private final Settlement settlement;
    private final DealJournal journal;
    private final Clock clock;

    BuyerDefaults(Deals deals, Ledger ledger, DealCompletion completion, Settlement settlement, DealJournal journal,
            Clock clock) {
        this.deals = deals;
        this.ledger = ledger;
        this.completion = completion;
        this.settlement = settlement;
        this.journal = journal;
        this.clock = clock;
    }

    /** The award deposit still held from the buyer for the deal, if any. */
    Optional<Hold> heldDeposit(DealRow deal, Instant now) {
        return deal.depositHoldId().flatMap(ledger::findHold)
                .filter(h -> h.organizationId().equals(deal.buyer().organizationId()) && h.remaining().isPositive()
                        && !h.isDue(now));
    }

    /** Marks the deal DEFAULTED and forfeits the deposit, recording {@code event} with {@code details} and the sums. */
    DealRow declare(DealRow deal, Actor actor, String event, Map<String, ?> details) {
        Instant now = clock.instant();
        DealRow defaulted = deal.withStatus(deal.status().transitionTo(DealStatus.DEFAULTED, deal.contractType()), now);
        String currency = deal.price().currency();
        Optional<Hold> deposit = heldDeposit(deal, now);
        Money forfeited = Money.zero(currency);
        Payout payout = new Payout(0, 0, 0);
        if (deposit.isPresent()) {
            forfeited = deposit.get().remaining();
            AccountId escrow = ledger.openEscrow(actor, deal.id(), currency);
            ledger.capture(actor, deposit.get().id(), forfeited, escrow);
            payout = settlement.forfeit(forfeited.minor(), forfeited.minor());
            completion.payOut(deal, payout);
        }
        deals.updateStatus(defaulted);
        Map<String, Object> recorded = new LinkedHashMap<>(details);
        recorded.put("depositForfeited", forfeited.decimal());
        recorded.put("toSeller", payout.toSeller());
        recorded.put("toFees", payout.toFees());
        journal.record(actor.auditName(), event, defaulted, now, recorded);
        if (deal.runnerUpId().isPresent()) {
            journal.record(actor.auditName(), "RunnerUpMayBeOffered", defaulted, now, Map.of("runnerUpId",
                    deal.runnerUpId().get(), "price", deal.runnerUpPrice().map(Money::decimal).orElse("")));
        }
        return defaulted;
    }
}
