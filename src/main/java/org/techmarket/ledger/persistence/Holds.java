package org.techmarket.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldStatus;
import org.techmarket.shared.Money;

/** The ledger_hold table. */
@Repository
public class Holds {

    private static final String COLUMNS = "id, organization_id, currency, amount, captured, remaining, purpose, cause,"
            + " deadline, status, created_at, closed_at";

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Hold h) {
        jdbc.sql(INSERT).params(values(h)).update();
    }

    /** The insert of a new hold, with {@link #values}: also a part of {@link Journal}'s statement that places one. */
    static final String INSERT =
            "insert into ledger_hold (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static List<Object> values(Hold h) {
        return Arrays.asList(
                h.id(),
                h.organizationId(),
                h.amount().currency(),
                h.amount().minor(),
                h.captured().minor(),
                h.remaining().minor(),
                h.purpose(),
                h.cause(),
                timestamp(h.deadline()),
                h.status().name(),
                Timestamp.from(h.createdAt()),
                timestamp(h.closedAt()));
    }

    public void update(Hold h) {
        jdbc.sql(UPDATE).params(updateValues(h)).update();
    }

    private static final String UPDATE =
            "update ledger_hold set captured = ?, remaining = ?, status = ?, closed_at = ? where id = ?";

    private static List<Object> updateValues(Hold h) {
        return Arrays.asList(
                h.captured().minor(), h.remaining().minor(), h.status().name(), timestamp(h.closedAt()), h.id());
    }

    /** The hold placed as it is inserted by the statement of the posting that places it. */
    public static Journal.HoldWrite placing(Hold h) {
        return new Journal.HoldWrite(INSERT, values(h));
    }

    /** The hold as a posting leaves it (captured, released, expired), updated by that posting's statement. */
    public static Journal.HoldWrite changing(Hold h) {
        return new Journal.HoldWrite(UPDATE, updateValues(h));
    }

    public Optional<Hold> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_hold where id = ?")
                .param(id)
                .query(Holds::map)
                .optional();
    }

    /** Reads the hold and locks it until the transaction ends, waiting for anyone else who has it. */
    public Optional<Hold> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_hold where id = ? for update")
                .param(id)
                .query(Holds::map)
                .optional();
    }

    /** The ids of up to {@code limit} active holds whose deadline is at or before {@code asOf}, the earliest first. */
    public List<String> dueIds(Instant asOf, int limit) {
        return jdbc.sql("select id from ledger_hold where status = 'ACTIVE' and deadline <= ? order by deadline, id"
                        + " limit ?")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /**
     * Claims the hold if it is still active with its deadline at or before {@code asOf}, skipping it when another
     * transaction has it locked, so that several nodes expiring at once never take the same hold.
     */
    public Optional<Hold> claimDue(String id, Instant asOf) {
        return jdbc.sql("select " + COLUMNS + " from ledger_hold where id = ? and status = 'ACTIVE' and deadline <= ?"
                        + " for update skip locked")
                .params(id, Timestamp.from(asOf))
                .query(Holds::map)
                .optional();
    }

    private static Hold map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new Hold(
                rs.getString("id"),
                rs.getString("organization_id"),
                Money.of(rs.getLong("amount"), currency),
                Money.of(rs.getLong("captured"), currency),
                Money.of(rs.getLong("remaining"), currency),
                rs.getString("purpose"),
                rs.getString("cause"),
                instant(rs.getTimestamp("deadline")),
                HoldStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("closed_at")));
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static Timestamp timestamp(Optional<Instant> instant) {
        return instant.map(Timestamp::from).orElse(null);
    }
}
