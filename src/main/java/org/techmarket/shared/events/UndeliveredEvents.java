package org.techmarket.shared.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.jobs.StuckElsewhere;
import org.techmarket.shared.jobs.StuckItem;

/**
 * The module events given up on: publications attempted {@code techmarket.events.max-attempts} times and still
 * undelivered stay in {@code event_publication} (ADR 0015), where operators see them among the stuck background items
 * as job {@value #JOB} and may release one for a further attempt (ADR 0020), which {@link EventRedelivery} makes.
 */
@Component
public class UndeliveredEvents implements StuckElsewhere {

    /** The job name under which operators see undelivered events ({@code GET /api/v1/operations/stuck}). */
    public static final String JOB = "event-delivery";

    private static final String STUCK_COLUMNS = "id::text as id, listener_id, event_type, completion_attempts,"
            + " publication_date, last_resubmission_date";

    private final JdbcClient jdbc;
    private final Duration resubmitAfter;
    private final int maxAttempts;

    UndeliveredEvents(
            JdbcClient jdbc,
            @Value("${techmarket.events.resubmit-after:PT1M}") Duration resubmitAfter,
            @Value("${techmarket.events.max-attempts:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.resubmitAfter = resubmitAfter;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String job() {
        return JOB;
    }

    /** The publications attempted {@code max-attempts} times and still undelivered, oldest first. */
    @Override
    public List<StuckItem> stuck() {
        return jdbc.sql(STUCK)
                .param(maxAttempts)
                .query(UndeliveredEvents::stuckItem)
                .list();
    }

    @Override
    public ReadsTogether.Later<List<StuckItem>> stuck(ReadsTogether.Batch batch) {
        return batch.list(STUCK, List.of(maxAttempts), UndeliveredEvents::stuckItem);
    }

    private static final String STUCK = "select " + STUCK_COLUMNS + " from event_publication"
            + " where completion_date is null and completion_attempts >= ? order by publication_date, id";

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
                .query(UndeliveredEvents::stuckItem)
                .optional();
    }

    private static StuckItem stuckItem(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_resubmission_date");
        Instant published = rs.getTimestamp("publication_date").toInstant();
        // The registry keeps no error text; the log has it under the listener's name.
        return new StuckItem(
                JOB,
                rs.getString("id"),
                rs.getInt("completion_attempts"),
                "Not delivered to " + rs.getString("listener_id") + " (" + rs.getString("event_type") + ")",
                published,
                last == null ? published : last.toInstant(),
                Optional.empty());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
