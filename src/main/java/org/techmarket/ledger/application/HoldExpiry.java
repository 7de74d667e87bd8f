package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.persistence.Holds;
import org.techmarket.shared.Actor;

/**
 * Gives back the funds of holds whose deadline has passed. Every node runs it; each hold is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and expired in its own transaction together with its money movement, so a hold
 * expires exactly once however many nodes run, and a node that dies mid-way leaves its hold to the next run.
 */
@Component
public class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
    private static final int MAX_PER_RUN = 1000;

    private final Holds holds;
    private final HoldOperations operations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HoldExpiry(Holds holds, HoldOperations operations, TransactionTemplate transactions, Clock clock) {
        this.holds = holds;
        this.operations = operations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techmarket.ledger.hold-expiry-interval:PT5S}",
            initialDelayString = "${techmarket.ledger.hold-expiry-interval:PT5S}")
    void expireDueHolds() {
        int expired = expireDue(LedgerTime.now(clock));
        if (expired > 0) {
            log.info("Expired {} holds", expired);
        }
    }

    /** Expires holds due at {@code when}, one transaction each, up to a limit per run; returns how many it expired. */
    public int expireDue(Instant when) {
        Instant asOf = LedgerTime.micros(when);
        int expired = 0;
        while (expired < MAX_PER_RUN) {
            Optional<Hold> done = transactions.execute(tx -> holds.claimDue(asOf)
                    .map(hold -> operations.expire(Actor.SYSTEM.auditName(), hold, asOf)));
            if (done == null || done.isEmpty()) {
                return expired;
            }
            expired++;
        }
        return expired;
    }
}
