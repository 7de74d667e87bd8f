package org.techmarket.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * other transaction; {@link AuditSealer} later gives each committed event its place in the hash chain.
 */
@Repository
public class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the event, after any the transaction held back ({@link #recordAtCommit}), in the same insert. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String type, String subject, Map<String, ?> payload) {
        append(List.of(new Entry(actor, type, subject, payload)));
    }

    /**
     * Appends the events with one insert whatever their number, in their order, after any the transaction held back:
     * their ids, so their places in the chain, follow it.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> entries) {
        append(entries);
    }

    /**
     * Holds the event back until the transaction records another or is about to commit, whichever comes first, and
     * appends it then with the others held back, in one insert; once that moment has passed, appends it at once.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAtCommit(Entry entry) {
        HeldBack held = (HeldBack) TransactionSynchronizationManager.getResource(HeldBack.class);
        if (held == null) {
            held = new HeldBack();
            TransactionSynchronizationManager.bindResource(HeldBack.class, held);
            TransactionSynchronizationManager.registerSynchronization(held);
        }
        if (held.flushed) {
            insert(List.of(entry));
        } else {
            held.entries.add(entry);
        }
    }

    @Override
    public Optional<Appending> takeHeldBack() {
        HeldBack held = (HeldBack) TransactionSynchronizationManager.getResource(HeldBack.class);
        if (held == null || held.entries.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> taken = List.copyOf(held.entries);
        held.entries.clear();
        return Optional.of(new Appending(
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                column(taken, Entry::actor),
                column(taken, Entry::type),
                column(taken, Entry::subject),
                column(taken, e -> CanonicalJson.write(e.payload()))));
    }

    private static String[] column(List<Entry> entries, Function<Entry, String> value) {
        return entries.stream().map(value).toArray(String[]::new);
    }

    private void append(List<Entry> entries) {
        HeldBack held = (HeldBack) TransactionSynchronizationManager.getResource(HeldBack.class);
        if (held == null || held.entries.isEmpty()) {
            insert(entries);
            return;
        }
        List<Entry> all = new ArrayList<>(held.entries);
        all.addAll(entries);
        held.entries.clear();
        insert(all);
    }

    /**
     * The events a transaction holds back, appended before it commits (and dropped if it rolls back); put aside with
     * the transaction while an inner one of its own runs, so that the inner one neither appends nor keeps them.
     */
    private final class HeldBack implements TransactionSynchronization {

        private final List<Entry> entries = new ArrayList<>();
        private boolean flushed;

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(HeldBack.class);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(HeldBack.class, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            List<Entry> all = List.copyOf(entries);
            entries.clear();
            insert(all);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(HeldBack.class);
        }
    }

    private void insert(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() == 1) {
            Entry e = entries.get(0);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("insert into audit_event (occurred_at, actor, type, subject, payload) values (?, ?, ?, ?, ?)")
                    .params(Timestamp.from(now), e.actor(), e.type(), e.subject(), CanonicalJson.write(e.payload()))
                    .update();
            return;
        }
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("insert into audit_event (occurred_at, actor, type, subject, payload) select ?, e.actor, e.type,"
                        + " e.subject, e.payload from unnest(?::text[], ?::text[], ?::text[], ?::text[])"
                        + " with ordinality as e(actor, type, subject, payload, n) order by e.n")
                .params(
                        now,
                        column(entries, Entry::actor),
                        column(entries, Entry::type),
                        column(entries, Entry::subject),
                        column(entries, e -> CanonicalJson.write(e.payload())))
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
