package org.techmarket.search.persistence;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the change feed ({@code search_change}) that triggers write in the same transaction as each change to a
 * searchable item. Sequence numbers are taken before commit, so a row can become visible after rows with higher
 * numbers. A reader therefore holds a {@link Position}: the highest sequence number it has read and the transactions
 * that were still running when it read ({@code pg_snapshot_xip}). A row it has not seen either has a higher number, or
 * was written by one of those transactions (one that began later took its number after every number it saw); each
 * read asks for both, in one statement and so in one snapshot, and never misses a row.
 */
@Repository
public class ChangeFeed {

    private static final String READ = """
            select 0 as part, 0 as seq, null as type, null as id, null as changed_at,
                   array(select x::text::bigint from pg_snapshot_xip(pg_current_snapshot()) x) as running
            union all (select 1, seq, type, id, changed_at, null from search_change
                       where seq > :seq order by seq limit :limit)
            union all (select 2, seq, type, id, changed_at, null from search_change
                       where seq <= :seq and txid = any(:running))
            """;

    private final JdbcClient jdbc;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a reader stands: the highest sequence number read, and the transactions then still running. */
    public record Position(long seq, List<Long> running) {

        /** The position of a reader that has read nothing. */
        public static final Position START = new Position(0, List.of());

        public Position {
            running = List.copyOf(running);
        }

        /** As kept beside an index: {@code seq} then the running transactions, separated by commas. */
        public String text() {
            return seq
                    + (running.isEmpty()
                            ? ""
                            : "," + running.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }

        /** Reads {@link #text()}. */
        public static Position parse(String text) {
            long[] numbers =
                    Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
            return new Position(
                    numbers[0],
                    Arrays.stream(numbers, 1, numbers.length).boxed().toList());
        }
    }

    /** One change: the item's type and id, and when it was written. */
    public record Change(long seq, String type, String id, Instant changedAt) {}

    /** What one read found, and where the reader stands after it; {@code more} when the read was cut at the limit. */
    public record Read(List<Change> changes, Position next, boolean more) {}

    /**
     * The id of the database this feed is in, which an index records beside its position: a position means something
     * only in the feed it was read from.
     */
    public String origin() {
        return jdbc.sql("select id::text from search_origin")
                .query(String.class)
                .single();
    }

    /** The position now: everything committed so far counts as read (for a rebuild that reads every item itself). */
    public Position now() {
        return jdbc.sql("select coalesce(max(seq), 0) as seq,"
                        + " array(select x::text::bigint from pg_snapshot_xip(pg_current_snapshot()) x) as running"
                        + " from search_change")
                .query((rs, n) -> new Position(rs.getLong("seq"), Arrays.asList((Long[])
                        rs.getArray("running").getArray())))
                .single();
    }

    /** Up to {@code limit} changes with higher numbers than {@code from}, and those of its running transactions. */
    public Read after(Position from, int limit) {
        List<Change> changes = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        int[] fresh = {0};
        jdbc.sql(READ)
                .param("seq", from.seq())
                .param("limit", limit)
                .param("running", from.running().toArray(Long[]::new))
                .query(rs -> {
                    int part = rs.getInt("part");
                    if (part == 0) {
                        Array array = rs.getArray("running");
                        Arrays.stream((Long[]) array.getArray()).forEach(running::add);
                        return;
                    }
                    if (part == 1) {
                        fresh[0]++;
                    }
                    changes.add(new Change(
                            rs.getLong("seq"),
                            rs.getString("type"),
                            rs.getString("id"),
                            Rows.instant(rs, "changed_at")));
                });
        long seq = changes.stream().mapToLong(Change::seq).max().orElse(0);
        return new Read(List.copyOf(changes), new Position(Math.max(from.seq(), seq), running), fresh[0] >= limit);
    }

    /** Deletes up to {@code limit} rows written before {@code before}; returns how many. */
    public int prune(Instant before, int limit) {
        return jdbc.sql("delete from search_change where seq in"
                        + " (select seq from search_change where changed_at < ? order by seq limit ?)")
                .params(Timestamp.from(before), limit)
                .update();
    }
}
