package org.techmarket.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * Reads that need none of one another's answers, sent to the database in one round trip: each module adds its own
 * query to a {@link Batch} and gets a {@link Later} for its answer, and {@link Batch#send()} runs them all as one
 * statement of several queries, which the PostgreSQL driver sends together and PostgreSQL answers together. On the
 * machine the market runs on, a round trip costs more of the database's time than a short query does (ADR 0117). A
 * batch runs on the transaction's connection when there is one, and as one implicit transaction otherwise; each query
 * sees what was committed when it starts, as separate statements of a read-committed transaction do.
 */
@Component
public class ReadsTogether {

    private final JdbcTemplate jdbc;

    ReadsTogether(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new, empty batch. */
    public Batch batch() {
        return new Batch(jdbc);
    }

    /** Queries gathered to be sent together, once. */
    public static final class Batch {

        private final JdbcTemplate jdbc;
        private final List<Query<?>> queries = new ArrayList<>();
        private boolean sent;

        private Batch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Adds one query (a single statement answering rows, its parameters as {@code ?} in order) whose rows
         * {@code rows} reads once the batch is sent. A query of more than one statement fails the batch when it is
         * sent. An array bound to one parameter is one element of {@code params}: {@code List.of((Object) ids)}, since
         * {@code List.of(ids)} would make each of its elements a parameter.
         */
        public <T> Later<T> query(String sql, List<?> params, ResultSetExtractor<T> rows) {
            if (sent) {
                throw new IllegalStateException("the batch was sent already");
            }
            Later<T> later = new Later<>(null);
            queries.add(new Query<>(sql, new ArrayList<>(params), rows, later));
            return later;
        }

        /** As {@link #query}, each row read by {@code row} into a list. */
        public <T> Later<List<T>> list(String sql, List<?> params, RowMapper<T> row) {
            return query(sql, params, new RowMapperResultSetExtractor<>(row));
        }

        /** As {@link #query(String, List, ResultSetExtractor)}, the parameters named ({@code :name}) instead. */
        public <T> Later<T> query(String sql, Map<String, ?> params, ResultSetExtractor<T> rows) {
            ParsedSql parsed = parsed(sql);
            MapSqlParameterSource named = new MapSqlParameterSource(params);
            return query(
                    NamedParameterUtils.substituteNamedParameters(parsed, named),
                    Arrays.asList(NamedParameterUtils.buildValueArray(parsed, named, null)),
                    rows);
        }

        /** As {@link #list(String, List, RowMapper)}, of a query that answers at most one row. */
        public <T> Later<Optional<T>> optional(String sql, List<?> params, RowMapper<T> row) {
            return list(sql, params, row).map(rows -> rows.stream().findFirst());
        }

        /** As {@link #list(String, List, RowMapper)}, the parameters named ({@code :name}) instead. */
        public <T> Later<List<T>> list(String sql, Map<String, ?> params, RowMapper<T> row) {
            return query(sql, params, new RowMapperResultSetExtractor<>(row));
        }

        /** Sends every query added, in one round trip, and hands each its answer. A batch is sent once. */
        public void send() {
            if (sent) {
                throw new IllegalStateException("the batch was sent already");
            }
            sent = true;
            if (queries.isEmpty()) {
                return;
            }
            List<String> texts = new ArrayList<>(queries.size());
            List<Object> params = new ArrayList<>();
            for (Query<?> query : queries) {
                texts.add(query.sql());
                params.addAll(query.params());
            }
            jdbc.execute(String.join(";\n", texts), (PreparedStatement statement) -> {
                new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
                boolean rows = statement.execute();
                for (int i = 0; i < queries.size(); i++) {
                    if (i > 0) {
                        rows = statement.getMoreResults();
                    }
                    if (!rows) {
                        throw new SQLException("query " + (i + 1) + " of a batch answered no rows: "
                                + queries.get(i).sql());
                    }
                    try (ResultSet answer = statement.getResultSet()) {
                        queries.get(i).answer(answer);
                    }
                }
                // a query of two statements would have handed the next query's answer to the wrong reader
                if (statement.getMoreResults() || statement.getUpdateCount() != -1) {
                    throw new SQLException("a batch of " + queries.size() + " queries answered more than "
                            + queries.size() + " times: each query must be one statement");
                }
                return null;
            });
        }
    }

    /**
     * The most query texts with named parameters kept parsed. The market's are written in its code, a few dozen with
     * their variants; a text past the limit is parsed every time it is asked for.
     */
    static final int PARSED_AT_MOST = 512;

    private static final Map<String, ParsedSql> PARSED = new ConcurrentHashMap<>();

    /** The text parsed for its named parameters, once: parsing walked it character by character on every read. */
    static ParsedSql parsed(String sql) {
        ParsedSql parsed = PARSED.get(sql);
        if (parsed == null) {
            parsed = NamedParameterUtils.parseSqlStatement(sql);
            if (PARSED.size() < PARSED_AT_MOST) {
                PARSED.putIfAbsent(sql, parsed);
            }
        }
        return parsed;
    }

    private record Query<T>(String sql, List<Object> params, ResultSetExtractor<T> rows, Later<T> later) {

        void answer(ResultSet answer) throws SQLException {
            later.set(rows.extractData(answer));
        }
    }

    /** A query's answer once its batch is sent, or what is worked out from it. */
    public static final class Later<T> {

        private final Later<?> source;
        private Function<Object, T> from;
        private boolean known;
        private T value;

        private Later(Later<?> source) {
            this.source = source;
        }

        /** An answer already known, for a read that could not join the batch and was made at once. */
        public static <T> Later<T> of(T value) {
            Later<T> later = new Later<>(null);
            later.set(value);
            return later;
        }

        /** What {@code next} makes of this answer, worked out once, when first asked for. */
        @SuppressWarnings("unchecked")
        public <R> Later<R> map(Function<? super T, ? extends R> next) {
            Later<R> mapped = new Later<>(this);
            mapped.from = value -> next.apply((T) value);
            return mapped;
        }

        /** The answer; refused while the batch has not been sent. */
        public T get() {
            if (!known && source != null) {
                set(from.apply(source.get()));
            }
            if (!known) {
                throw new IllegalStateException("the batch of this read has not been sent");
            }
            return value;
        }

        private void set(T answer) {
            value = answer;
            known = true;
        }
    }
}
