package org.techmarket.surveillance.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.surveillance.domain.Alert;
import org.techmarket.surveillance.domain.AlertKind;
import org.techmarket.surveillance.domain.AlertStatus;

/** The surveillance_alert table: one row per finding, unique by kind and finding key. */
@Repository
public class Alerts {

    private static final String COLUMNS = "id, kind, finding_key, score, parties, evidence, rule, status, note,"
            + " raised_at, updated_at, reviewed_by, version";

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the alert unless one for the same finding exists; true when it was stored. */
    public boolean addIfNew(Alert a) {
        return jdbc.sql("insert into surveillance_alert (" + COLUMNS + ")"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (kind, finding_key) do nothing")
                        .params(
                                a.id(),
                                a.kind().name(),
                                a.findingKey(),
                                a.score(),
                                a.parties().toArray(String[]::new),
                                a.evidence().toArray(String[]::new),
                                a.rule(),
                                a.status().name(),
                                a.note().orElse(null),
                                Timestamp.from(a.raisedAt()),
                                Timestamp.from(a.updatedAt()),
                                a.reviewedBy().orElse(null),
                                a.version())
                        .update()
                == 1;
    }

    public Optional<Alert> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from surveillance_alert where id = ?")
                .param(id)
                .query(Alerts::map)
                .optional();
    }

    /** Reads the alert and locks its row until the transaction ends. */
    public Optional<Alert> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from surveillance_alert where id = ? for update")
                .param(id)
                .query(Alerts::map)
                .optional();
    }

    public void updateReview(Alert a) {
        jdbc.sql("update surveillance_alert set status = ?, note = ?, updated_at = ?, reviewed_by = ?, version = ?"
                        + " where id = ?")
                .params(
                        a.status().name(),
                        a.note().orElse(null),
                        Timestamp.from(a.updatedAt()),
                        a.reviewedBy().orElse(null),
                        a.version(),
                        a.id())
                .update();
    }

    /** A page of alerts after {@code after} in id order, of one status and kind or of all. */
    public List<Alert> page(Optional<String> after, Optional<AlertStatus> status, Optional<AlertKind> kind, int limit) {
        return jdbc.sql("select " + COLUMNS + " from surveillance_alert where id > :after"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " and (cast(:kind as text) is null or kind = :kind) order by id limit :limit")
                .param("after", after.orElse(""))
                .param("status", status.map(Enum::name).orElse(null))
                .param("kind", kind.map(Enum::name).orElse(null))
                .param("limit", limit)
                .query(Alerts::map)
                .list();
    }

    private static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(
                rs.getString("id"),
                AlertKind.valueOf(rs.getString("kind")),
                rs.getString("finding_key"),
                rs.getDouble("score"),
                Arrays.asList((String[]) rs.getArray("parties").getArray()),
                Arrays.asList((String[]) rs.getArray("evidence").getArray()),
                rs.getString("rule"),
                AlertStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("note")),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getString("reviewed_by")),
                rs.getLong("version"));
    }
}
