package org.techmarket.audit.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.domain.HashChain;
import org.techmarket.shared.CanonicalJson;

/**
 * Stores the audit log in PostgreSQL. The chain head is one row locked for the rest of the appending
 * transaction, so concurrent transactions append one after another and the chain never forks.
 */
@Repository
public class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String type, String subject, Map<String, ?> payload) {
        Head head = jdbc.sql("select sequence, hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditEvent unsealed = new AuditEvent(head.sequence() + 1, now, actor, type, subject,
                CanonicalJson.write(payload), head.hash(), "");
        String hash = HashChain.hash(head.hash(), unsealed);
        jdbc.sql("""
                insert into audit_event (sequence, occurred_at, actor, type, subject, payload, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(unsealed.sequence(), Timestamp.from(now), actor, type, subject, unsealed.payload(),
                        head.hash(), hash)
                .update();
        jdbc.sql("update audit_head set sequence = ?, hash = ? where id = 1").params(unsealed.sequence(), hash)
                .update();
    }

    public List<AuditEvent> page(long after, int limit) {
        return jdbc.sql("""
                select sequence, occurred_at, actor, type, subject, payload, previous_hash, hash
                from audit_event where sequence > ? order by sequence limit ?""")
                .params(after, limit).query((rs, n) -> new AuditEvent(rs.getLong(1),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    public Optional<AuditEvent> event(long sequence) {
        return page(sequence - 1, 1).stream().filter(e -> e.sequence() == sequence).findFirst();
    }

    /** The recorded head of the chain: the last sequence and its hash. */
    public Head head() {
        return jdbc.sql("select sequence, hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** The chain head as recorded. */
    public record Head(long sequence, String hash) {}
}
