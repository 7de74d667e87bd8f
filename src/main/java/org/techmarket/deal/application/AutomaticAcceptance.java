package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.shared.Rejection;

/**
 * Accepts deliveries whose acceptance period has passed. Every node runs it; each deal is claimed with
 * {@code FOR UPDATE SKIP LOCKED} (a deal that cannot complete is logged and passed over) and accepted and completed in its own transaction, so a deal is accepted once
 * however many nodes run, and a buyer accepting at the same moment is simply first or second.
 */
@Component
public class AutomaticAcceptance {

    private static final Logger log = LoggerFactory.getLogger(AutomaticAcceptance.class);
    private static final int MAX_PER_RUN = 500;

    private final Deals deals;
    private final DealSettlement settlement;
    private final Clock clock;

    AutomaticAcceptance(Deals deals, DealSettlement settlement, Clock clock) {
        this.deals = deals;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}",
            initialDelayString = "${techmarket.deal.acceptance-check-interval:PT30S}")
    void acceptLapsedDeliveries() {
        int accepted = acceptLapsed(clock.instant());
        if (accepted > 0) {
            log.info("Accepted {} deliveries whose acceptance period had passed", accepted);
        }
    }

    /** Accepts what has lapsed at {@code asOf}, one transaction per deal; returns how many this call accepted. */
    public int acceptLapsed(Instant asOf) {
        int accepted = 0;
        for (String dealId : deals.lapsedAcceptances(asOf, MAX_PER_RUN)) {
            try {
                accepted += settlement.acceptIfLapsed(dealId, asOf).isPresent() ? 1 : 0;
            } catch (Rejection refused) {
                // One deal that cannot complete (its rights now conflict, say) must not hold up the others.
                log.error("Could not accept deal {} automatically: {} {}", dealId, refused.code(),
                        refused.getMessage());
            }
        }
        return accepted;
    }
}
