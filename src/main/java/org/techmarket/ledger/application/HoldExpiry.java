package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.ledger.persistence.Holds;
import org.techmarket.shared.Actor;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Gives back the funds of holds whose deadline has passed. Every node runs it through {@link BackgroundJobs}; each
 * hold is claimed with {@code FOR UPDATE SKIP LOCKED} and expired in its own transaction together with its money
 * movement, so a hold expires exactly once however many nodes run, a node that dies mid-way leaves its hold to the
 * next run, and a hold that cannot be expired is retried later without holding up the others.
 */
@Component
public class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job expiry;

    HoldExpiry(Holds holds, HoldOperations operations, BackgroundJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.expiry = Job.of(
                "hold-expiry",
                holds::dueIds,
                (id, asOf) -> holds.claimDue(id, asOf)
                        .map(hold -> operations.expire(Actor.SYSTEM.auditName(), hold, asOf))
                        .isPresent());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.ledger.hold-expiry-interval:PT5S}",
            initialDelayString = "${techmarket.ledger.hold-expiry-interval:PT5S}")
    void expireDueHolds() {
        int expired = expireDue(LedgerTime.now(clock));
        if (expired > 0) {
            log.info("Expired {} holds", expired);
        }
    }

    /** Expires holds due at {@code when}, one transaction each, up to a limit per run; returns how many it expired. */
    public int expireDue(Instant when) {
        return jobs.run(expiry, LedgerTime.micros(when));
    }
}
