package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.Payout;
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
    private final DealFeeRules settlement;
    private final DealJournal journal;
    private final Clock clock;

    BuyerDefaults(
            Deals deals,
            Ledger ledger,
            DealCompletion completion,
            DealFeeRules settlement,
            DealJournal journal,
            Clock clock) {
        this.deals = deals;
        this.ledger = ledger;
        this.completion = completion;
        this.settlement = settlement;
        this.journal = journal;
        this.clock = clock;
    }

    /** The buyer did not fund by the deadline: the deal is DEFAULTED and the deposit forfeited. */
    Deal markDefaulted(Deal deal, Actor actor) {
        return forfeit(deal, actor, (forfeited, payout, now) -> deal.markDefaulted(forfeited, payout, now));
    }

    /** The buyer walks away alone while its deposit is held: the deal is DEFAULTED and the deposit forfeited. */
    Deal walkAway(Deal deal, Actor actor, String reason) {
        return forfeit(deal, actor, (forfeited, payout, now) -> deal.walkAway(reason, forfeited, payout, now));
    }

    /** How the buyer defaulted, given what it forfeits. */
    private interface Defaulting {
        Deal.Moved of(Money forfeited, Payout payout, Instant now);
    }

    private Deal forfeit(Deal deal, Actor actor, Defaulting how) {
        Instant now = clock.instant();
        String currency = deal.price().currency();
        Optional<Hold> deposit = completion.heldDeposit(deal, now);
        if (DealCompletion.isReserve(deal)) {
            // a commission's reserve is the client's money set aside for the work, not a deposit it forfeits
            deposit.ifPresent(h -> ledger.release(actor, h.id()));
            deposit = Optional.empty();
        }
        Money forfeited = deposit.map(Hold::remaining).orElse(Money.zero(currency));
        Payout payout = deposit.isPresent()
                ? settlement.settlementFor(deal).forfeit(forfeited.minor(), forfeited.minor())
                : new Payout(0, 0, 0);
        Deal.Moved defaulted = how.of(forfeited, payout, now);
        if (deposit.isPresent()) {
            AccountId escrow = ledger.openEscrow(actor, deal.id(), currency);
            ledger.capture(actor, deposit.get().id(), forfeited, escrow);
            completion.payOut(deal, payout);
        }
        deals.store(defaulted.deal());
        journal.record(actor.auditName(), defaulted);
        return defaulted.deal();
    }
}
