package org.techmarket.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.persistence.Grants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Records EXPIRED on ACTIVE grants whose term has run out. Every node runs it through {@link BackgroundJobs}; each
 * grant is claimed with {@code FOR UPDATE SKIP LOCKED} and expired, audited and announced in its own transaction, so
 * a grant expires once however many nodes run, a node that dies mid-way leaves it to the next run, and one that
 * cannot be expired holds up no other. Reads already show such a grant EXPIRED, and it holds nothing in any check
 * from today on, so nothing waits for this.
 */
@Component
public class GrantExpiry {

    private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);

    private final Grants grants;
    private final RightsJournal journal;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job expiry;

    GrantExpiry(Grants grants, RightsJournal journal, BackgroundJobs jobs, Clock clock) {
        this.grants = grants;
        this.journal = journal;
        this.jobs = jobs;
        this.clock = clock;
        this.expiry = Job.of(
                "grant-expiry",
                (asOf, limit) -> grants.dueToExpire(day(asOf), limit),
                (id, asOf) -> expire(id, day(asOf)));
    }

    @Scheduled(
            fixedDelayString = "${techmarket.rights.grant-expiry-interval:PT1M}",
            initialDelayString = "${techmarket.rights.grant-expiry-interval:PT1M}")
    void expireEndedGrants() {
        int expired = expireDue(LocalDate.now(clock));
        if (expired > 0) {
            log.info("Expired {} grants whose term had run out", expired);
        }
    }

    /** Expires the grants whose term has run out by {@code today}, one per transaction; returns how many. */
    public int expireDue(LocalDate today) {
        Instant now = clock.instant();
        return jobs.run(
                expiry,
                day(now).equals(today)
                        ? now
                        : today.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private boolean expire(String grantId, LocalDate today) {
        return grants.claimDueToExpire(grantId, today)
                .map(entry -> {
                    RegisteredGrant ended = entry.expire();
                    // Claimed and locked above, so the row is as read; the guarded update keeps that true if it ever is
                    // not.
                    if (!grants.expire(ended, entry.version())) {
                        return false;
                    }
                    journal.grantExpired(Actor.SYSTEM.auditName(), ended);
                    return true;
                })
                .orElse(false);
    }

    private static LocalDate day(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }
}
