package org.techmarket.rights.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.shared.Actor;

/**
 * Records EXPIRED on ACTIVE grants whose term has run out. Every node runs it; grants are claimed in small batches
 * with {@code FOR UPDATE SKIP LOCKED}, and each batch is expired, audited and announced in its own transaction, so a
 * grant expires once however many nodes run, and a node that dies mid-way leaves its batch to the next run. Reads
 * already show such a grant EXPIRED, and it holds nothing in any check from today on, so nothing waits for this.
 */
@Component
public class GrantExpiry {

    private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);
    private static final int BATCH = 50;
    private static final int MAX_PER_RUN = 1000;

    private final Grants grants;
    private final RightsJournal journal;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GrantExpiry(Grants grants, RightsJournal journal, TransactionTemplate transactions, Clock clock) {
        this.grants = grants;
        this.journal = journal;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${techmarket.rights.grant-expiry-interval:PT1M}",
            initialDelayString = "${techmarket.rights.grant-expiry-interval:PT1M}")
    void expireEndedGrants() {
        int expired = expireDue(LocalDate.now(clock));
        if (expired > 0) {
            log.info("Expired {} grants whose term had run out", expired);
        }
    }

    /** Expires the grants whose term has run out by {@code today}, a batch per transaction; returns how many. */
    public int expireDue(LocalDate today) {
        int expired = 0;
        while (expired < MAX_PER_RUN) {
            Integer batch = transactions.execute(tx -> expireBatch(today));
            if (batch == null || batch == 0) {
                return expired;
            }
            expired += batch;
        }
        return expired;
    }

    private int expireBatch(LocalDate today) {
        List<RegisteredGrant> due = grants.claimDueToExpire(today, BATCH);
        int expired = 0;
        for (RegisteredGrant entry : due) {
            RegisteredGrant ended = entry.expire();
            // Claimed and locked above, so the row is as read; the guarded update keeps that true if it ever is not.
            if (grants.expire(ended, entry.version())) {
                journal.grantExpired(Actor.SYSTEM.auditName(), ended);
                expired++;
            }
        }
        return expired;
    }
}
