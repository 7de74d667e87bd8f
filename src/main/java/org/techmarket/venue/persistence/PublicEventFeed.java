package org.techmarket.venue.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.shared.CanonicalJson;

/**
 * Each venue's public events, in the order a reader's cursor can follow: a reader is never shown an entry while an
 * entry with a smaller {@code seq} may still commit. Writers share a turn from their entry to their commit and never
 * wait for one another; a reader takes the turn alone for a moment, so it reads only once every entry drawn so far has
 * committed or rolled back, and every entry drawn after it gets a greater {@code seq}.
 */
@Repository
public class PublicEventFeed {

    /** The turn's advisory lock: shared by writers until they commit, taken alone by a reader before it reads. */
    private static final String TURN = "hashtext('venue_public_event')";

    private final JdbcClient jdbc;

    PublicEventFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One event: its place in the feed, its type, what it is about, its data as JSON and when it happened. */
    public record Entry(long seq, String venueId, String type, String subject, String data, Instant at) {}

    /**
     * Keeps the event once: a second event with the same {@code ref} changes nothing. The writer holds the turn, shared
     * with other writers, from here until it commits, so a reader waits for this entry before it reads past it.
     */
    public void add(String ref, String venueId, String type, String subject, Map<String, ?> data, Instant at) {
        // One round trip: the row to insert is read from the turn, so the turn is held before its seq is drawn.
        jdbc.sql("with turn as materialized (select pg_advisory_xact_lock_shared(" + TURN + "))"
                        + " insert into venue_public_event (event_ref, venue_id, type, subject, body, at)"
                        + " select ?, ?, ?, ?, ?, cast(? as timestamptz) from turn on conflict (event_ref) do nothing")
                .params(ref, venueId, type, subject, CanonicalJson.write(data), Timestamp.from(at))
                .update();
    }

    /** An event to keep: its reference (kept once), venue, type, subject, data and when it happened. */
    public record NewEntry(String ref, String venueId, String type, String subject, Map<String, ?> data, Instant at) {}

    /**
     * Keeps each event once, as {@link #add} does, in one statement whatever their number, in their order: the steps a
     * transaction took (an acceptance completes the deal too) take the turn once and are drawn their seqs together.
     */
    public void addAll(List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("with turn as materialized (select pg_advisory_xact_lock_shared(" + TURN + "))"
                        + " insert into venue_public_event (event_ref, venue_id, type, subject, body, at)"
                        + " select e.ref, e.venue, e.type, e.subject, e.body, e.at::timestamptz"
                        + " from turn, unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                        + " with ordinality as e (ref, venue, type, subject, body, at, n)"
                        + " order by e.n on conflict (event_ref) do nothing")
                .params(
                        column(entries, NewEntry::ref),
                        column(entries, NewEntry::venueId),
                        column(entries, NewEntry::type),
                        column(entries, NewEntry::subject),
                        column(entries, e -> CanonicalJson.write(e.data())),
                        column(entries, e -> e.at().toString()))
                .update();
    }

    private static String[] column(List<NewEntry> entries, Function<NewEntry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    /**
     * The venue's events after {@code after}, oldest first, once every entry drawn before this read has committed or
     * rolled back: an entry committing later gets a greater {@code seq} than any read here.
     */
    @Transactional
    public List<Entry> after(String venueId, long after, int limit) {
        // Its own statement: the read below must take its snapshot after the turn is had, not before it was waited for.
        jdbc.sql("select pg_advisory_xact_lock(" + TURN + ")")
                .query((rs, n) -> 0)
                .list();
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
