package org.techmarket.venue.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.CanonicalJson;

/** Each venue's public events as they committed, in the order they were kept. */
@Repository
public class PublicEventFeed {

    private final JdbcClient jdbc;

    PublicEventFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One event: its place in the feed, its type, what it is about, its data as JSON and when it happened. */
    public record Entry(long seq, String venueId, String type, String subject, String data, Instant at) {}

    /**
     * Keeps the event once: a second event with the same {@code ref} changes nothing. Writers take turns until they
     * commit, so that the feed's sequence is the order of commits and a reader's cursor never passes a later commit.
     */
    public void add(String ref, String venueId, String type, String subject, Map<String, ?> data, Instant at) {
        // One round trip: the row to insert is read from the turn, so the turn is taken before its seq is drawn.
        jdbc.sql("with turn as materialized (select pg_advisory_xact_lock(hashtext('venue_public_event')))"
                        + " insert into venue_public_event (event_ref, venue_id, type, subject, body, at)"
                        + " select ?, ?, ?, ?, ?, cast(? as timestamptz) from turn on conflict (event_ref) do nothing")
                .params(ref, venueId, type, subject, CanonicalJson.write(data), Timestamp.from(at))
                .update();
    }

    /** The venue's events after {@code after}, oldest first. */
    public List<Entry> after(String venueId, long after, int limit) {
        return jdbc.sql("select seq, venue_id, type, subject, body, at from venue_public_event"
                        + " where venue_id = ? and seq > ? order by seq limit ?")
                .params(venueId, after, limit)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }
}
