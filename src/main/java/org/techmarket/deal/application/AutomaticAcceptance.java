package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Accepts deliveries whose acceptance period has passed. Every node runs it through {@link BackgroundJobs}; each deal
 * is claimed with {@code FOR UPDATE SKIP LOCKED} and accepted and completed in its own transaction, so a deal is
 * accepted once however many nodes run, and a buyer accepting at the same moment is simply first or second. A deal
 * that cannot complete (its rights now conflict, say) is rolled back and retried later, holding up no other.
 */
@Component
public class AutomaticAcceptance {

    private static final Logger log = LoggerFactory.getLogger(AutomaticAcceptance.class);

    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job acceptance;

    AutomaticAcceptance(Deals deals, DealSettlement settlement, BackgroundJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.acceptance = Job.of(
                "automatic-acceptance",
                deals::lapsedAcceptances,
                (id, asOf) -> settlement.acceptIfLapsed(id, asOf).isPresent());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}",
            initialDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}")
    void acceptLapsedDeliveries() {
        int accepted = acceptLapsed(clock.instant());
        if (accepted > 0) {
            log.info("Accepted {} deliveries whose acceptance period had passed", accepted);
        }
    }

    /** Accepts what has lapsed at {@code asOf}, one transaction per deal; returns how many this call accepted. */
    public int acceptLapsed(Instant asOf) {
        return jobs.run(acceptance, asOf);
    }
}
