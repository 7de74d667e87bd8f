package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
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
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Marks DEFAULTED the signed deals whose buyer has not funded by the deadline: the deposit still held is forfeited
 * to the seller, less the venue fee, and where the auction had a runner-up the deal records that the seller may
 * offer it to them at their price. Every node runs it through {@link BackgroundJobs}: each deal is claimed with
 * {@code FOR UPDATE SKIP LOCKED} in its own transaction, so a default happens once, a buyer funding at the same
 * moment is either first or refused, and a deal that cannot be defaulted is retried later, holding up no other.
 */
@Component
public class FundingDefaults {

    private static final Logger log = LoggerFactory.getLogger(FundingDefaults.class);

    private final Deals deals;
    private final Ledger ledger;
    private final DealCompletion completion;
    private final Settlement settlement;
    private final DealJournal journal;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job defaults;

    FundingDefaults(Deals deals, Ledger ledger, DealCompletion completion, Settlement settlement, DealJournal journal,
            BackgroundJobs jobs, Clock clock) {
        this.deals = deals;
        this.ledger = ledger;
        this.completion = completion;
        this.settlement = settlement;
        this.journal = journal;
        this.jobs = jobs;
        this.clock = clock;
        this.defaults = Job.of("funding-default", deals::overdueFundings,
                (id, asOf) -> deals.claimOverdueFunding(id, asOf).map(this::forfeit).isPresent());
    }

    @Scheduled(fixedDelayString = "${techmarket.deal.funding-default-interval:PT30S}",
            initialDelayString = "${techmarket.deal.funding-default-interval:PT30S}")
    void defaultOverdueDeals() {
        int defaulted = defaultOverdue(clock.instant());
        if (defaulted > 0) {
            log.info("{} deals defaulted: not funded by their deadline", defaulted);
        }
    }

    /** Defaults what is overdue at {@code asOf}, one transaction per deal; returns how many this call defaulted. */
    public int defaultOverdue(Instant asOf) {
        return jobs.run(defaults, asOf);
    }

    private DealRow forfeit(DealRow deal) {
        Instant now = clock.instant();
        DealRow defaulted = deal.withStatus(deal.status().transitionTo(DealStatus.DEFAULTED, deal.contractType()), now);
        String currency = deal.price().currency();
        Optional<Hold> deposit = deal.depositHoldId().flatMap(ledger::findHold)
                .filter(h -> h.organizationId().equals(deal.buyer().organizationId()) && h.remaining().isPositive()
                        && !h.isDue(now));
        Money forfeited = Money.zero(currency);
        Payout payout = new Payout(0, 0, 0);
        if (deposit.isPresent()) {
            forfeited = deposit.get().remaining();
            AccountId escrow = ledger.openEscrow(Actor.SYSTEM, deal.id(), currency);
            ledger.capture(Actor.SYSTEM, deposit.get().id(), forfeited, escrow);
            payout = settlement.forfeit(forfeited.minor(), forfeited.minor());
            completion.payOut(deal, payout);
        }
        deals.updateStatus(defaulted);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("depositForfeited", forfeited.decimal());
        details.put("toSeller", payout.toSeller());
        details.put("toFees", payout.toFees());
        journal.record(Actor.SYSTEM.auditName(), "FundingDefaulted", defaulted, now, details);
        if (deal.runnerUpId().isPresent()) {
            journal.record(Actor.SYSTEM.auditName(), "RunnerUpMayBeOffered", defaulted, now, Map.of("runnerUpId",
                    deal.runnerUpId().get(), "price", deal.runnerUpPrice().map(Money::decimal).orElse("")));
        }
        return defaulted;
    }
}
