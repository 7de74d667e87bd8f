package org.techmarket.notification.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook table: each organization's receivers, the notice kinds each takes, and its signing secret. */
@Repository
public class Webhooks {

    /** A webhook as stored; a removed one is no longer read. */
    public record Webhook(
            String id,
            String organizationId,
            String url,
            List<String> events,
            String secret,
            String createdBy,
            Instant createdAt) {

        public Webhook {
            events = List.copyOf(events);
        }
    }

    /** A webhook that takes a notice of one kind for one organization. */
    public record Subscriber(String webhookId, String organizationId) {}

    private static final String COLUMNS = "id, organization_id, url, events, secret, created_by, created_at";

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many webhooks the organization has, counted under a lock on the organization's webhooks that holds until
     * the transaction ends, so two registrations racing cannot both pass the limit.
     */
    public int countLocked(String organizationId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('webhook:' || ?))")
                .param(organizationId)
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("select count(*) from webhook where organization_id = ? and removed_at is null")
                .param(organizationId)
                .query(Integer.class)
                .single();
    }

    public void add(Webhook webhook) {
        jdbc.sql("insert into webhook (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        webhook.id(),
                        webhook.organizationId(),
                        webhook.url(),
                        webhook.events().toArray(String[]::new),
                        webhook.secret(),
                        webhook.createdBy(),
                        Timestamp.from(webhook.createdAt()))
                .update();
    }

    public List<Webhook> of(String organizationId) {
        return jdbc.sql("select " + COLUMNS + " from webhook where organization_id = ? and removed_at is null"
                        + " order by created_at, id")
                .param(organizationId)
                .query(Webhooks::webhook)
                .list();
    }

    public Optional<Webhook> find(String id, String organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from webhook where id = ? and organization_id = ? and removed_at is null")
                .params(id, organizationId)
                .query(Webhooks::webhook)
                .optional();
    }

    /** Removes the webhook and gives up its pending deliveries; false when it was not there to remove. */
    public boolean remove(String id, String organizationId, Instant at) {
        int removed = jdbc.sql("update webhook set removed_at = ? where id = ? and organization_id = ?"
                        + " and removed_at is null")
                .params(Timestamp.from(at), id, organizationId)
                .update();
        if (removed == 1) {
            jdbc.sql("update webhook_delivery set status = 'ABANDONED', next_attempt_at = null, finished_at = ?"
                            + " where webhook_id = ? and status = 'PENDING'")
                    .params(Timestamp.from(at), id)
                    .update();
        }
        return removed == 1;
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new Webhook(
                rs.getString("id"),
                rs.getString("organization_id"),
                rs.getString("url"),
                Arrays.asList((String[]) events.getArray()),
                rs.getString("secret"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
