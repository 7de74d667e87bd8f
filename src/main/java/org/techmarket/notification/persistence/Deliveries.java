package org.techmarket.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/**
 * The webhook_delivery and webhook_attempt tables: each notice due to each webhook, where its delivery stands
 * (PENDING with its next attempt, DELIVERED, or ABANDONED after its last attempt), and every attempt made.
 */
@Repository
public class Deliveries {

    /**
     * A delivery to make, with what it is sent to and signed with: {@code attempts} counts towards giving up (an
     * operator's release lowers it), {@code logged} is how many attempts its log already holds.
     */
    public record Claimed(String id, String kind, String body, int attempts, int logged, String url, String secret) {}

    /** One attempt: the receiver's status code (none when it could not be reached), how long it took, any error. */
    public record Attempt(
            int attempt, Instant at, OptionalInt statusCode, long durationMillis, Optional<String> error) {}

    /** A delivery as its webhook's log shows it. */
    public record Logged(
            String id,
            String notificationId,
            String kind,
            String status,
            int attempts,
            Optional<Instant> nextAttemptAt,
            Instant createdAt,
            List<Attempt> tries) {

        public Logged {
            tries = List.copyOf(tries);
        }
    }

    /** A delivery given up on, as an operator sees it among the stuck items. */
    public record Abandoned(String id, String webhookId, int attempts, Instant since, Optional<String> lastError) {}

    private static final String ABANDONED = """
            select d.id, d.webhook_id, d.attempts, d.finished_at,
                   (select a.error from webhook_attempt a where a.delivery_id = d.id
                     order by a.attempt desc limit 1) as last_error
              from webhook_delivery d join webhook w on w.id = d.webhook_id
             where d.status = 'ABANDONED' and w.removed_at is null
            """;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String id, String webhookId, String notificationId, String kind, String body, Instant at) {
        jdbc.sql("""
                        insert into webhook_delivery (id, webhook_id, notification_id, kind, body, status, attempts,
                                                      next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                        """)
                .params(id, webhookId, notificationId, kind, body, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    /** The ids of up to {@code limit} deliveries whose next attempt has come, the longest waiting first. */
    public List<String> due(Instant asOf, int limit) {
        return jdbc.sql("select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by next_attempt_at, id limit ?")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /** Locks the delivery for this attempt if it is still due and no other node holds it. */
    public Optional<Claimed> claim(String id, Instant asOf) {
        return jdbc.sql("""
                        select d.id, d.kind, d.body, d.attempts, w.url, w.secret,
                               (select count(*) from webhook_attempt a where a.delivery_id = d.id) as logged
                          from webhook_delivery d join webhook w on w.id = d.webhook_id
                         where d.id = ? and d.status = 'PENDING' and d.next_attempt_at <= ?
                           for update of d skip locked
                        """)
                .params(id, Timestamp.from(asOf))
                .query((rs, n) -> new Claimed(
                        rs.getString("id"),
                        rs.getString("kind"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getInt("logged"),
                        rs.getString("url"),
                        rs.getString("secret")))
                .optional();
    }

    public void addAttempt(String deliveryId, Attempt attempt) {
        jdbc.sql("""
                        insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, error)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        deliveryId,
                        attempt.attempt(),
                        Timestamp.from(attempt.at()),
                        attempt.statusCode().isPresent() ? attempt.statusCode().getAsInt() : null,
                        attempt.durationMillis(),
                        attempt.error().orElse(null))
                .update();
    }

    /** Records the delivery's attempts so far and what comes next: another attempt at {@code next}, or none. */
    public void settle(String id, int attempts, String status, Optional<Instant> next, Instant at) {
        jdbc.sql("update webhook_delivery set attempts = ?, status = ?, next_attempt_at = ?, finished_at = ?"
                        + " where id = ?")
                .params(
                        attempts,
                        status,
                        next.map(Timestamp::from).orElse(null),
                        next.isPresent() ? null : Timestamp.from(at),
                        id)
                .update();
    }

    /** The webhook's newest deliveries with their attempts, after {@code afterId} when paging; two statements. */
    public List<Logged> log(String webhookId, Optional<String> afterId, int limit) {
        List<Logged> deliveries = jdbc.sql("select id, notification_id, kind, status, attempts, next_attempt_at,"
                        + " created_at from webhook_delivery where webhook_id = :webhook"
                        + afterId.map(a -> " and id < :after").orElse("")
                        + " order by id desc limit :limit")
                .param("webhook", webhookId)
                .param("after", afterId.orElse(""))
                .param("limit", limit)
                .query((rs, n) -> new Logged(
                        rs.getString("id"),
                        rs.getString("notification_id"),
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        Optional.ofNullable(rs.getTimestamp("next_attempt_at")).map(Timestamp::toInstant),
                        rs.getTimestamp("created_at").toInstant(),
                        List.of()))
                .list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, List<Attempt>> tries = new LinkedHashMap<>();
        jdbc.sql("select delivery_id, attempt, attempted_at, status_code, duration_ms, error from webhook_attempt"
                        + " where delivery_id = any(?) order by delivery_id, attempt")
                .param(deliveries.stream().map(Logged::id).toArray(String[]::new))
                .query((rs, n) -> {
                    tries.computeIfAbsent(rs.getString("delivery_id"), k -> new ArrayList<>())
                            .add(attempt(rs));
                    return 1;
                })
                .list();
        return deliveries.stream()
                .map(d -> new Logged(
                        d.id(),
                        d.notificationId(),
                        d.kind(),
                        d.status(),
                        d.attempts(),
                        d.nextAttemptAt(),
                        d.createdAt(),
                        tries.getOrDefault(d.id(), List.of())))
                .toList();
    }

    /** Deliveries given up on after their last attempt, for webhooks still registered. */
    public List<Abandoned> abandoned() {
        return jdbc.sql(ABANDONED_FIRST).query(Deliveries::abandonedRow).list();
    }

    /** As {@link #abandoned()}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Abandoned>> abandoned(ReadsTogether.Batch batch) {
        return batch.list(ABANDONED_FIRST, List.of(), Deliveries::abandonedRow);
    }

    private static final String ABANDONED_FIRST = ABANDONED + " order by d.finished_at, d.id limit 1000";

    /** Lets an abandoned delivery be tried once more from {@code at}; empty when it was not abandoned. */
    public Optional<Abandoned> release(String id, int attemptsLeftAtOne, Instant at) {
        Optional<Abandoned> found = jdbc.sql(ABANDONED + " and d.id = ? for update of d")
                .param(id)
                .query(Deliveries::abandonedRow)
                .optional();
        found.ifPresent(a -> jdbc.sql("update webhook_delivery set status = 'PENDING', attempts = ?,"
                        + " next_attempt_at = ?, finished_at = null where id = ?")
                .params(attemptsLeftAtOne, Timestamp.from(at), id)
                .update());
        return found;
    }

    private static Abandoned abandonedRow(ResultSet rs, int row) throws SQLException {
        return new Abandoned(
                rs.getString("id"),
                rs.getString("webhook_id"),
                rs.getInt("attempts"),
                rs.getTimestamp("finished_at").toInstant(),
                Optional.ofNullable(rs.getString("last_error")));
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        int code = rs.getInt("status_code");
        OptionalInt status = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(code);
        return new Attempt(
                rs.getInt("attempt"),
                rs.getTimestamp("attempted_at").toInstant(),
                status,
                rs.getLong("duration_ms"),
                Optional.ofNullable(rs.getString("error")));
    }
}
