package org.techmarket.shared.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Delivers again the module events that a stopped node or a failed listener left undelivered, and forgets delivered
 * ones after a while. Every node resubmits all incomplete publications when it starts, then, every interval, those
 * whose last attempt is older than {@code techmarket.events.resubmit-after}. Listeners are idempotent, so a
 * publication delivered twice (by two nodes, or again after a crash between the listener's commit and its
 * completion) changes nothing twice. A publication that failed {@code techmarket.events.max-attempts} times is no
 * longer resubmitted and stays in {@code event_publication} for operators ({@link UndeliveredEvents}). Both rounds
 * are {@link Sweep}s of {@link BackgroundJobs}: each delivery runs in a listener transaction of its own, and a round
 * that fails is recorded and retried like any other item.
 */
@Component
public class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    private static final int CLEANUP_BATCH = 5_000;

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Duration resubmitAfter;
    private final int maxAttempts;
    private final int maxPerRun;
    private final Duration keepCompleted;
    private final AtomicInteger lastReportedGivenUp = new AtomicInteger();

    EventRedelivery(
            IncompleteEventPublications incomplete,
            JdbcClient jdbc,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.events.resubmit-after:PT1M}") Duration resubmitAfter,
            @Value("${techmarket.events.max-attempts:10}") int maxAttempts,
            @Value("${techmarket.events.max-resubmissions-per-run:500}") int maxPerRun,
            @Value("${techmarket.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.resubmitAfter = resubmitAfter;
        this.maxAttempts = maxAttempts;
        this.maxPerRun = maxPerRun;
        this.keepCompleted = keepCompleted;
    }

    // What a node left undelivered when it stopped goes out again as soon as a node is up, whatever its age.
    @EventListener(ApplicationReadyEvent.class)
    void resubmitOnStart() {
        resubmit(Duration.ZERO);
    }

    @Scheduled(
            fixedDelayString = "${techmarket.events.resubmission-interval:PT1M}",
            initialDelayString = "${techmarket.events.resubmission-interval:PT1M}")
    void resubmitOverdue() {
        resubmit(resubmitAfter);
    }

    @Scheduled(cron = "${techmarket.events.cleanup-cron:0 30 3 * * *}", zone = "UTC")
    void deleteOldCompleted() {
        deleteCompletedOlderThan(keepCompleted);
    }

    /**
     * Resubmits the incomplete publications whose last attempt is at least {@code minAge} old and that have not yet
     * been attempted {@code max-attempts} times, at most {@code max-resubmissions-per-run} of them; returns how many.
     * The listeners run on the event workers, so they may not have finished when this returns.
     */
    public int resubmit(Duration minAge) {
        Instant now = clock.instant();
        return jobs.sweep(
                Sweep.of("event-resubmission", asOf -> Swept.last(resubmitOlderThan(asOf.minus(minAge)))), now);
    }

    /** Deletes, batch by batch, the publications completed more than {@code age} ago; returns how many. */
    public int deleteCompletedOlderThan(Duration age) {
        Instant now = clock.instant();
        Timestamp before = Timestamp.from(now.minus(age));
        return jobs.sweep(
                Sweep.of(
                        "event-cleanup",
                        asOf -> Swept.of(
                                jdbc.sql("delete from event_publication"
                                                + " where ctid in (select ctid from event_publication where completion_date < ? limit "
                                                + CLEANUP_BATCH + ")")
                                        .param(before)
                                        .update(),
                                CLEANUP_BATCH)),
                now);
    }

    private int resubmitOlderThan(Instant before) {
        releaseStuckResubmissions(before);
        AtomicInteger resubmitted = new AtomicInteger();
        AtomicInteger givenUp = new AtomicInteger();
        incomplete.resubmitIncompletePublications(publication -> {
            if (publication.getCompletionAttempts() >= maxAttempts) {
                givenUp.incrementAndGet();
                return false;
            }
            return !lastAttempt(publication).isAfter(before) && resubmitted.incrementAndGet() <= maxPerRun;
        });
        int count = Math.min(resubmitted.get(), maxPerRun);
        if (count > 0) {
            log.info("Resubmitted {} undelivered module event publications", count);
        }
        reportGivenUp(givenUp.get());
        return count;
    }

    /**
     * The registry resubmits a publication only once while it reads RESUBMITTED; one whose node stopped between the
     * resubmission and the listener's start would read so for ever. Such a publication counts as failed again once
     * its last resubmission is as old as a fresh one may be before it is resubmitted.
     */
    private void releaseStuckResubmissions(Instant before) {
        jdbc.sql("update event_publication set status = 'FAILED' where status = 'RESUBMITTED'"
                        + " and completion_date is null and last_resubmission_date <= ?")
                .param(Timestamp.from(before))
                .update();
    }

    private static Instant lastAttempt(EventPublication publication) {
        return Optional.ofNullable(publication.getLastResubmissionDate()).orElse(publication.getPublicationDate());
    }

    private void reportGivenUp(int givenUp) {
        if (lastReportedGivenUp.getAndSet(givenUp) != givenUp && givenUp > 0) {
            log.warn(
                    "{} module event publications failed {} times and are no longer resubmitted; they are listed"
                            + " in table event_publication (completion_date is null)",
                    givenUp,
                    maxAttempts);
        }
    }
}
