package org.techmarket.listing.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database did during each phase of a benchmark, printed when the phase ends: checkpoints and the buffers
 * they wrote, WAL written, the tables autovacuum or autoanalyze visited (with their live and dead rows), and, where
 * {@code pg_stat_statements} is loaded, the statements that took the most time (calls, mean time, rows and shared
 * buffers per call, and, where the server tracks planning, how often each was planned and how long a plan took; the
 * 14 costliest, or {@code -Dbench.statementLines=N}). Two runs of the same code that differ in speed are told apart by
 * these lines.
 */
public final class DatabaseWatch implements AutoCloseable {

    private final Connection connection;
    private final boolean statements;
    private Map<String, Long> server;
    private Map<String, long[]> tables;

    public DatabaseWatch(String url, boolean statements) throws SQLException {
        this.connection = DriverManager.getConnection(url);
        this.statements = statements;
        if (statements) {
            try (Statement s = connection.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
        }
        begin();
    }

    /** Marks the start of a phase: the counters are read now and the statements' figures are reset. */
    public void begin() throws SQLException {
        server = server();
        tables = tables();
        if (statements) {
            try (Statement s = connection.createStatement()) {
                s.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /** Prints what changed since {@link #begin()} under {@code phase}'s name, then begins the next phase. */
    public void end(String phase) throws SQLException {
        end(phase, 0);
    }

    /**
     * As {@link #end(String)}, and when {@code requests} is positive also what the database did per request: blocks
     * hit and read, WAL bytes, commits and (with {@code pg_stat_statements}) statements, which a busy machine does not
     * change, where it changes every time.
     */
    public void end(String phase, long requests) throws SQLException {
        Map<String, Long> after = server();
        StringBuilder out =
                new StringBuilder("\n-- database during ").append(phase).append(":\n  ");
        after.forEach((k, v) ->
                out.append(k).append('=').append(v - server.getOrDefault(k, 0L)).append(' '));
        if (requests > 0) {
            out.append(String.format(
                    "%n  per request: blocksHit=%.1f blocksRead=%.2f walBytes=%.0f commits=%.2f",
                    grown(after, "blocksHit") / (double) requests,
                    grown(after, "blocksRead") / (double) requests,
                    grown(after, "walBytes") / (double) requests,
                    grown(after, "commits") / (double) requests));
            if (statements) {
                out.append(String.format(" statements=%.2f", statementCalls() / (double) requests));
            }
        }
        Map<String, long[]> now = tables();
        now.forEach((table, n) -> {
            long[] was = tables.getOrDefault(table, new long[6]);
            boolean visited = n[2] != was[2] || n[3] != was[3];
            if (visited || n[1] > 1000) {
                out.append(String.format(
                        "%n  %-28s live=%7d dead=%7d autovacuums+%d autoanalyzes+%d changes+%d seqscans+%d",
                        table, n[0], n[1], n[2] - was[2], n[3] - was[3], n[4] - was[4], n[5] - was[5]));
            }
        });
        if (statements) {
            int lines = Integer.getInteger("bench.statementLines", 14);
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("""
                            select calls, total_exec_time, mean_exec_time, rows, shared_blks_hit + shared_blks_read,
                                   regexp_replace(query, '\\s+', ' ', 'g'), total_plan_time, plans
                            from pg_stat_statements where calls > 0
                            order by total_exec_time + total_plan_time desc limit %d""".formatted(lines))) {
                while (r.next()) {
                    long calls = r.getLong(1);
                    out.append(String.format(
                            "%n  %7d calls%s %8.0f ms %7.3f ms/call %s%6.1f rows %7.1f blocks  %s",
                            calls,
                            requests > 0 ? String.format(" (%.3f a request)", calls / (double) requests) : "",
                            r.getDouble(2),
                            r.getDouble(3),
                            planned(r.getLong(8), r.getDouble(7)),
                            r.getLong(4) / (double) calls,
                            r.getLong(5) / (double) calls,
                            abbreviate(r.getString(6))));
                }
            }
        }
        System.out.println(out);
        begin();
    }

    private long grown(Map<String, Long> after, String figure) {
        return after.get(figure) - server.getOrDefault(figure, 0L);
    }

    /** Statements executed since the last reset, this watch's own reads left out. */
    private long statementCalls() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements"
                        + " where query not like '%pg_stat%' and query not like '%pg_catalog%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Has the PostgreSQL {@code builder} will start load {@code pg_stat_statements}, tracking planning as well as
     * execution, and the statements inside functions too with {@code -Dbench.track=all}: what a watch with statements
     * reads.
     */
    public static void loadStatementsInto(EmbeddedPostgres.Builder builder) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        builder.setServerConfig("pg_stat_statements.track_planning", "on");
        builder.setServerConfig("pg_stat_statements.track", System.getProperty("bench.track", "top"));
    }

    /** The planning a statement had, when it was tracked: how many plans and their mean time. */
    private static String planned(long plans, double planTime) {
        return plans == 0 ? "" : String.format("(%d plans, %.3f ms/plan) ", plans, planTime / plans);
    }

    private static String abbreviate(String query) {
        return query.length() <= 150 ? query : query.substring(0, 150) + "…";
    }

    private Map<String, Long> server() throws SQLException {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("""
                        select c.num_timed, c.num_requested, c.buffers_written, b.buffers_clean,
                               b.buffers_alloc, w.wal_bytes, w.wal_buffers_full,
                               d.blks_read, d.blks_hit, d.xact_commit, d.xact_rollback
                        from pg_stat_checkpointer c, pg_stat_bgwriter b, pg_stat_wal w, pg_stat_database d
                        where d.datname = current_database()""")) {
            r.next();
            String[] names = {
                "checkpoints",
                "checkpointsAsked",
                "checkpointBuffers",
                "bgwriterBuffers",
                "buffersAllocated",
                "walBytes",
                "walBuffersFull",
                "blocksRead",
                "blocksHit",
                "commits",
                "rollbacks"
            };
            for (int i = 0; i < names.length; i++) {
                figures.put(names[i], r.getLong(i + 1));
            }
        }
        return figures;
    }

    private Map<String, long[]> tables() throws SQLException {
        Map<String, long[]> figures = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("""
                        select relname, n_live_tup, n_dead_tup, autovacuum_count, autoanalyze_count,
                               n_tup_ins + n_tup_upd + n_tup_del, seq_scan
                        from pg_stat_user_tables order by relname""")) {
            while (r.next()) {
                figures.put(r.getString(1), new long[] {
                    r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7)
                });
            }
        }
        return figures;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
