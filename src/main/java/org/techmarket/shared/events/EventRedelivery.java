package org.techmarket.shared.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.shared.jobs.StuckElsewhere;
import org.techmarket.shared.jobs.StuckItem;

/**
 * Delivers again the module events that a stopped node or a failed listener left undelivered, and forgets delivered
 * ones after a while. Every node resubmits all incomplete publications when it starts, then, every interval, those
 * whose last attempt is older than {@code techmarket.events.resubmit-after}. Listeners are idempotent, so a
 * publication delivered twice (by two nodes, or again after a crash between the listener's commit and its
 * completion) changes nothing twice. A publication that failed {@code techmarket.events.max-attempts} times is no
 * longer resubmitted and stays in {@code event_publication} for operators (ADR 0015), who see it among the stuck
 * background items as job {@value #JOB} and may release it for one more attempt (ADR 0020).
 */
@Component
public class EventRedelivery implements StuckElsewhere {

    /** The job name under which operators see undelivered events ({@code GET /api/v1/operations/stuck}). */
    public static final String JOB = "event-delivery";

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    private static final String STUCK_COLUMNS = "id::text as id, listener_id, event_type, completion_attempts,"
            + " publication_date, last_resubmission_date";

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration resubmitAfter;
    private final int maxAttempts;
    private final int maxPerRun;
    private final Duration keepCompleted;
    private final AtomicInteger lastReportedGivenUp = new AtomicInteger();

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed, JdbcClient jdbc,
            Clock clock, @Value("${techmarket.events.resubmit-after:PT1M}") Duration resubmitAfter,
            @Value("${techmarket.events.max-attempts:10}") int maxAttempts,
            @Value("${techmarket.events.max-resubmissions-per-run:500}") int maxPerRun,
            @Value("${techmarket.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
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

    @Scheduled(fixedDelayString = "${techmarket.events.resubmission-interval:PT1M}",
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
        Instant before = clock.instant().minus(minAge);
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

    /** Deletes the publications completed more than {@code age} ago. */
    public void deleteCompletedOlderThan(Duration age) {
        completed.deletePublicationsOlderThan(age);
    }

    /**
     * The registry resubmits a publication only once while it reads RESUBMITTED; one whose node stopped between the
     * resubmission and the listener's start would read so for ever. Such a publication counts as failed again once
     * its last resubmission is as old as a fresh one may be before it is resubmitted.
     */
    private void releaseStuckResubmissions(Instant before) {
        jdbc.sql("update event_publication set status = 'FAILED' where status = 'RESUBMITTED'"
                + " and completion_date is null and last_resubmission_date <= ?")
                .param(Timestamp.from(before)).update();
    }

    @Override
    public String job() {
        return JOB;
    }

    /** The publications attempted {@code max-attempts} times and still undelivered, oldest first. */
    @Override
    public List<StuckItem> stuck() {
        return jdbc.sql("select " + STUCK_COLUMNS + " from event_publication where completion_date is null"
                        + " and completion_attempts >= ? order by publication_date, id")
                .param(maxAttempts).query(EventRedelivery::stuckItem).list();
    }

    /**
     * Gives the publication one more attempt: its attempts are set one short of the limit and its last attempt far
     * enough back that the next resubmission round (every {@code resubmission-interval}) delivers it again.
     */
    @Override
    public Optional<StuckItem> release(String itemId, Instant at) {
        Optional<UUID> id = uuid(itemId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("update event_publication set completion_attempts = ?, status = 'FAILED',"
                        + " last_resubmission_date = ? where id = ? and completion_date is null"
                        + " and completion_attempts >= ? returning " + STUCK_COLUMNS)
                .params(maxAttempts - 1, Timestamp.from(at.minus(resubmitAfter)), id.get(), maxAttempts)
                .query(EventRedelivery::stuckItem).optional();
    }

    private static StuckItem stuckItem(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_resubmission_date");
        Instant published = rs.getTimestamp("publication_date").toInstant();
        // The registry keeps no error text; the log has it under the listener's name.
        return new StuckItem(JOB, rs.getString("id"), rs.getInt("completion_attempts"),
                "Not delivered to " + rs.getString("listener_id") + " (" + rs.getString("event_type") + ")",
                published, last == null ? published : last.toInstant(), Optional.empty());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Instant lastAttempt(EventPublication publication) {
        return Optional.ofNullable(publication.getLastResubmissionDate()).orElse(publication.getPublicationDate());
    }

    private void reportGivenUp(int givenUp) {
        if (lastReportedGivenUp.getAndSet(givenUp) != givenUp && givenUp > 0) {
            log.warn("{} module event publications failed {} times and are no longer resubmitted; they are listed"
                    + " in table event_publication (completion_date is null)", givenUp, maxAttempts);
        }
    }
}
