package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.shared.Actor;
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
    private final BuyerDefaults defaults;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job job;

    FundingDefaults(Deals deals, BuyerDefaults defaults, BackgroundJobs jobs, Clock clock) {
        this.deals = deals;
        this.defaults = defaults;
        this.jobs = jobs;
        this.clock = clock;
        this.job = Job.of(
                "funding-default",
                deals::overdueFundings,
                (id, asOf) ->
                        deals.claimOverdueFunding(id, asOf).map(this::forfeit).isPresent());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.deal.funding-default-interval:PT30S}",
            initialDelayString = "${techmarket.deal.funding-default-interval:PT30S}")
    void defaultOverdueDeals() {
        int defaulted = defaultOverdue(clock.instant());
        if (defaulted > 0) {
            log.info("{} deals defaulted: not funded by their deadline", defaulted);
        }
    }

    /** Defaults what is overdue at {@code asOf}, one transaction per deal; returns how many this call defaulted. */
    public int defaultOverdue(Instant asOf) {
        return jobs.run(job, asOf);
    }

    private Deal forfeit(Deal deal) {
        return defaults.markDefaulted(deal, Actor.SYSTEM);
    }
}
