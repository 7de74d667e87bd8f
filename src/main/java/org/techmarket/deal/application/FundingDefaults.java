package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Marks DEFAULTED the signed deals whose buyer has not funded by the deadline: the deposit still held is forfeited
 * to the seller, less the venue fee, and where the auction had a runner-up the deal records that the seller may
 * offer it to them at their price. Each deal is claimed with {@code FOR UPDATE SKIP LOCKED} in its own transaction,
 * so a default happens once and a buyer funding at the same moment is either first or refused.
 */
@Component
public class FundingDefaults {

    private static final Logger log = LoggerFactory.getLogger(FundingDefaults.class);
    private static final int MAX_PER_RUN = 500;

    private final Deals deals;
    private final BuyerDefaults defaults;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FundingDefaults(Deals deals, BuyerDefaults defaults, TransactionTemplate transactions, Clock clock) {
        this.deals = deals;
        this.defaults = defaults;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}",
            initialDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}")
    void defaultOverdueDeals() {
        int defaulted = defaultOverdue(clock.instant());
        if (defaulted > 0) {
            log.info("{} deals defaulted: not funded by their deadline", defaulted);
        }
    }

    /** Defaults what is overdue at {@code asOf}, one transaction per deal; returns how many this call defaulted. */
    public int defaultOverdue(Instant asOf) {
        int done = 0;
        for (String dealId : deals.overdueFundings(asOf, MAX_PER_RUN)) {
            try {
                done += Boolean.TRUE.equals(transactions.execute(tx -> deals.claimOverdueFunding(dealId, asOf)
                        .map(this::forfeit).isPresent())) ? 1 : 0;
            } catch (Rejection refused) {
                log.error("Could not default deal {}: {} {}", dealId, refused.code(), refused.getMessage());
            }
        }
        return done;
    }

    private DealRow forfeit(DealRow deal) {
        return defaults.declare(deal, Actor.SYSTEM, "FundingDefaulted", Map.of());
    }
}
