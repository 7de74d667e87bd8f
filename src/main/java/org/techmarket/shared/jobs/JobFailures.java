package org.techmarket.shared.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/** The items background jobs failed to handle ({@code job_failure}), one row per job and item while it fails. */
@Repository
class JobFailures {

    private static final String COLUMNS =
            "job, item_id, attempts, last_error, first_failed_at, last_failed_at," + " next_attempt_at";

    private final JdbcClient jdbc;

    JobFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's items not to try at {@code asOf}: waiting for their next attempt, or for an operator. */
    Set<String> waiting(String job, Instant asOf) {
        return new HashSet<>(jdbc.sql("select item_id from job_failure where job = ?"
                        + " and (next_attempt_at is null or next_attempt_at > ?)")
                .params(job, Timestamp.from(asOf))
                .query(String.class)
                .list());
    }

    /** The item's failure, if it is failing. */
    Optional<Failing> failing(String job, String itemId) {
        return jdbc.sql("select next_attempt_at from job_failure where job = ? and item_id = ?")
                .params(job, itemId)
                .query((rs, row) ->
                        new Failing(Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)))
                .optional();
    }

    /** A failing item: when it is tried next, or empty while it waits for an operator. */
    record Failing(Optional<Instant> nextAttempt) {

        /** Whether the item is not to be tried at {@code asOf}. */
        boolean waitsAt(Instant asOf) {
            return nextAttempt.map(next -> next.isAfter(asOf)).orElse(true);
        }
    }

    /** Counts one more failure of the item in a row and stores its error; returns how many failures in a row. */
    int recordFailure(String job, String itemId, String error, Instant at) {
        return jdbc.sql("""
                insert into job_failure (job, item_id, attempts, last_error, first_failed_at, last_failed_at)
                values (?, ?, 1, ?, ?, ?)
                on conflict (job, item_id) do update set attempts = job_failure.attempts + 1,
                    last_error = excluded.last_error, last_failed_at = excluded.last_failed_at
                returning attempts""")
                .params(job, itemId, error, Timestamp.from(at), Timestamp.from(at))
                .query(Integer.class)
                .single();
    }

    /** When the item is tried next; null: when an operator releases it. */
    void scheduleNextAttempt(String job, String itemId, Optional<Instant> next) {
        jdbc.sql("update job_failure set next_attempt_at = ? where job = ? and item_id = ?")
                .params(next.map(Timestamp::from).orElse(null), job, itemId)
                .update();
    }

    /** Forgets the item's failures: it has been handled. */
    void clear(String job, String itemId) {
        jdbc.sql("delete from job_failure where job = ? and item_id = ?")
                .params(job, itemId)
                .update();
    }

    /** The items waiting for an operator, longest waiting first. */
    List<StuckItem> stuck() {
        return jdbc.sql(STUCK).query(JobFailures::map).list();
    }

    /** As {@link #stuck()}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<List<StuckItem>> stuck(ReadsTogether.Batch batch) {
        return batch.list(STUCK, List.of(), JobFailures::map);
    }

    private static final String STUCK = "select " + COLUMNS + " from job_failure where next_attempt_at is null"
            + " order by first_failed_at, job, item_id";

    /** Lets a stuck item be tried once more from {@code at}; empty when the item is not stuck. */
    Optional<StuckItem> release(String job, String itemId, Instant at) {
        return jdbc.sql("update job_failure set next_attempt_at = ? where job = ? and item_id = ?"
                        + " and next_attempt_at is null returning " + COLUMNS)
                .params(Timestamp.from(at), job, itemId)
                .query(JobFailures::map)
                .optional();
    }

    private static StuckItem map(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        return new StuckItem(
                rs.getString("job"),
                rs.getString("item_id"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("last_failed_at").toInstant(),
                Optional.ofNullable(next).map(Timestamp::toInstant));
    }
}
