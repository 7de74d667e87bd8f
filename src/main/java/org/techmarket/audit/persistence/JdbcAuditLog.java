package org.techmarket.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.shared.CanonicalJson;

/**
 * Stores the audit log in PostgreSQL. Appending is one insert in the caller's transaction and waits for no
 * other transaction; {@link AuditSealer} later gives each committed event its place in the hash chain. Events kept
 * for the commit ({@link #recordByCommit}) are appended in the same insert as the transaction's next ones.
 */
@Repository
public class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the event, after any that this transaction keeps ({@link #recordByCommit}), in one insert. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String type, String subject, Map<String, ?> payload) {
        append(List.of(new Entry(actor, type, subject, payload)));
    }

    /**
     * Appends the events, after any that this transaction keeps ({@link #recordByCommit}), with one insert whatever
     * their number, in their order: their ids, so their places in the chain, follow it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        append(entries);
    }

    /**
     * Keeps the event until this transaction records its next events or is about to commit, whichever comes first,
     * and appends it then, before them: a module that records an event (the ledger's hold for a bid) and a step that
     * records the next (the bid itself) share one insert.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordByCommit(Entry entry) {
        Kept kept = (Kept) TransactionSynchronizationManager.getResource(this);
        if (kept == null) {
            Kept fresh = new Kept();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    append(List.of());
                    // Anything kept after this point would miss the commit: appended at once instead.
                    fresh.closed = true;
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcAuditLog.this);
                }
            });
            kept = fresh;
        }
        if (kept.closed) {
            append(List.of(entry));
        } else {
            kept.entries.add(entry);
        }
    }

    /** Events this transaction keeps to append with its next ones; closed once its commit has begun. */
    private static final class Kept {
        private final List<Entry> entries = new ArrayList<>();
        private boolean closed;
    }

    private void append(List<Entry> recorded) {
        List<Entry> entries = recorded;
        Kept kept = (Kept) TransactionSynchronizationManager.getResource(this);
        if (kept != null && !kept.entries.isEmpty()) {
            entries = new ArrayList<>(kept.entries);
            entries.addAll(recorded);
            kept.entries.clear();
        }
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() == 1) {
            Entry e = entries.get(0);
            jdbc.sql("insert into audit_event (occurred_at, actor, type, subject, payload) values (?, ?, ?, ?, ?)")
                    .params(
                            Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)),
                            e.actor(),
                            e.type(),
                            e.subject(),
                            CanonicalJson.write(e.payload()))
                    .update();
            return;
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("insert into audit_event (occurred_at, actor, type, subject, payload) select ?, e.actor, e.type,"
                        + " e.subject, e.payload from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                        + " with ordinality as e(actor, type, subject, payload, n) order by e.n")
                .params(
                        now,
                        entries.stream().map(Entry::actor).toArray(String[]::new),
                        entries.stream().map(Entry::type).toArray(String[]::new),
                        entries.stream().map(Entry::subject).toArray(String[]::new),
                        entries.stream()
                                .map(e -> CanonicalJson.write(e.payload()))
                                .toArray(String[]::new))
                .update();
    }

    /** Sealed events after {@code after}, in chain order. */
    public List<AuditEvent> page(long after, int limit) {
        return jdbc.sql("""
                select sequence, occurred_at, actor, type, subject, payload, previous_hash, hash
                from audit_event where sequence > ? order by sequence limit ?""").params(after, limit).query(JdbcAuditLog::event).list();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8));
    }

    /** The latest sealed event of {@code type} about {@code subject}: where a record of it stands in the log. */
    public Optional<AuditEvent> latestSealed(String subject, String type) {
        return jdbc.sql("""
                select sequence, occurred_at, actor, type, subject, payload, previous_hash, hash
                from audit_event where subject = ? and type = ? and sequence is not null
                order by sequence desc limit 1""").params(subject, type).query(JdbcAuditLog::event).optional();
    }

    public Optional<AuditEvent> event(long sequence) {
        return page(sequence - 1, 1).stream()
                .filter(e -> e.sequence() == sequence)
                .findFirst();
    }

    /** The recorded head of the chain: the last sealed sequence and its hash. */
    public Head head() {
        return jdbc.sql("select sequence, hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    /** How many committed events wait to be sealed. */
    public long pending() {
        return jdbc.sql("select count(*) from audit_event where sequence is null")
                .query(Long.class)
                .single();
    }

    /** The chain head as recorded. */
    public record Head(long sequence, String hash) {}
}
