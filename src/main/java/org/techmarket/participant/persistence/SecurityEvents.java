package org.techmarket.participant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.domain.SecurityEvent;
import org.techmarket.participant.domain.SecurityEventType;

/** The security events table, read oldest first by sequence. */
@Repository
public class SecurityEvents {

    private final JdbcClient jdbc;

    SecurityEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(
            Instant at,
            SecurityEventType type,
            Optional<String> username,
            Optional<String> userId,
            String clientAddress,
            String path) {
        jdbc.sql("insert into security_event (occurred_at, type, username, user_id, client_address, path)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        Timestamp.from(at),
                        type.name(),
                        username.orElse(null),
                        userId.orElse(null),
                        clientAddress,
                        path)
                .update();
    }

    /** Up to {@code limit} events after the given sequence, of one type or of all. */
    public List<SecurityEvent> page(Optional<SecurityEventType> type, long after, int limit) {
        return jdbc.sql("select sequence, occurred_at, type, username, user_id, client_address, path"
                        + " from security_event where sequence > ? and (cast(? as text) is null or type = ?)"
                        + " order by sequence limit ?")
                .params(
                        after,
                        type.map(Enum::name).orElse(null),
                        type.map(Enum::name).orElse(null),
                        limit)
                .query(SecurityEvents::map)
                .list();
    }

    private static SecurityEvent map(ResultSet rs, int row) throws SQLException {
        return new SecurityEvent(
                rs.getLong("sequence"),
                rs.getTimestamp("occurred_at").toInstant(),
                SecurityEventType.valueOf(rs.getString("type")),
                Optional.ofNullable(rs.getString("username")),
                Optional.ofNullable(rs.getString("user_id")),
                rs.getString("client_address"),
                rs.getString("path"));
    }
}
