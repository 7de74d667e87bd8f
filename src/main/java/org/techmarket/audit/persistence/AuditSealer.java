package org.techmarket.audit.persistence;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.domain.HashChain;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Gives committed events their place in the hash chain and, in the same transaction, makes them the next leaves of
 * the log's Merkle tree ({@link LogTree}). Only committed events are visible to it, and the chain head row is locked
 * while it works, so however many nodes run it the chain and the tree grow one event at a time, in the same order,
 * and never fork; an event committed later simply takes a later place. Events sealed before the tree existed
 * become its first leaves, in sequence order, before any new event is sealed. In the background it is a {@link Sweep} whose batch is
 * the next block of events: a block that cannot be sealed is retried, and sealing waits for it rather than skip an
 * event.
 */
@Service
public class AuditSealer {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep sealing;
    private final LogTree tree;
    private final JdbcAuditLog log;

    AuditSealer(
            JdbcClient jdbc,
            JdbcTemplate template,
            LogTree tree,
            JdbcAuditLog log,
            TransactionTemplate transactions,
            BackgroundJobs jobs,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.tree = tree;
        this.log = log;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.sealing = Sweep.of("audit-sealing", asOf -> Swept.of(sealBatch(true), BATCH));
    }

    /** Runs on every node; skips a round when another node is sealing. Returns how many events it sealed. */
    @Scheduled(fixedDelayString = "${techmarket.audit.seal-interval:PT0.2S}")
    public int sealInBackground() {
        return jobs.sweep(sealing, clock.instant());
    }

    /** Seals everything committed so far, waiting for another sealer if one is at work; for readers of the log. */
    public void sealCommitted() {
        while (Integer.valueOf(BATCH).equals(transactions.execute(status -> sealBatch(false)))) {
            // more events are waiting
        }
    }

    /**
     * Seals up to one batch; returns how many events it sealed (none when another sealer holds the head). In the
     * background a round with nothing to seal and no tree to grow ends on one read, without locking the head: locking a
     * row gives the transaction an id, and a sealer that locked the head five times a second on an idle market moved
     * the database's snapshot as often, which is what {@code ResponseCache} keeps answers by.
     */
    private int sealBatch(boolean skipIfBusy) {
        if (skipIfBusy && !workWaiting()) {
            return 0;
        }
        Optional<LockedHead> head = jdbc.sql("select sequence, hash, tree_size from audit_head where id = 1 for update"
                        + (skipIfBusy ? " skip locked" : ""))
                .query((rs, n) -> new LockedHead(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .optional();
        if (head.isEmpty()) {
            return 0;
        }
        growTreeTo(head.get());
        List<Unsealed> unsealed = jdbc.sql("""
                select id, occurred_at, actor, type, subject, payload from audit_event
                where sequence is null order by id limit ?""")
                .param(BATCH)
                .query((rs, n) -> new Unsealed(
                        rs.getLong(1),
                        new AuditEvent(
                                0,
                                rs.getTimestamp(2).toInstant(),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                "",
                                "")))
                .list();
        if (unsealed.isEmpty()) {
            return 0;
        }
        long sequence = head.get().sequence();
        String previous = head.get().hash();
        List<Object[]> updates = new ArrayList<>(unsealed.size());
        List<AuditEvent> sealed = new ArrayList<>(unsealed.size());
        for (Unsealed event : unsealed) {
            sequence++;
            AuditEvent e = event.content();
            AuditEvent placed = new AuditEvent(
                    sequence, e.occurredAt(), e.actor(), e.type(), e.subject(), e.payload(), previous, "");
            String hash = HashChain.hash(previous, placed);
            sealed.add(placed);
            updates.add(new Object[] {sequence, previous, hash, event.id()});
            previous = hash;
        }
        placeInChain(updates);
        tree.append(head.get().sequence(), sealed);
        jdbc.sql("update audit_head set sequence = ?, hash = ?, tree_size = ? where id = 1")
                .params(sequence, previous, sequence)
                .update();
        return unsealed.size();
    }

    /** Whether an event waits to be sealed or the tree lags the chain, read without locking anything. */
    private boolean workWaiting() {
        return jdbc.sql("""
                        select exists (select 1 from audit_event where sequence is null)
                            or exists (select 1 from audit_head where id = 1 and tree_size < sequence)""").query(Boolean.class).single();
    }

    /** Gives each event of the batch its place and hashes in one statement rather than one per event. */
    private void placeInChain(List<Object[]> updates) {
        template.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update audit_event e set sequence = u.sequence, previous_hash = u.previous_hash, hash = u.hash
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[]) as u(sequence, previous_hash, hash, id)
                    where e.id = u.id""")) {
                for (int column = 0; column < 4; column++) {
                    int c = column;
                    Object[] values = updates.stream().map(row -> row[c]).toArray();
                    update.setArray(column + 1, connection.createArrayOf(c == 0 || c == 3 ? "int8" : "text", values));
                }
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Makes the events sealed before the tree existed its leaves, in sequence order; then the tree is the chain. */
    private void growTreeTo(LockedHead head) {
        long size = head.treeSize();
        while (size < head.sequence()) {
            List<AuditEvent> events = log.page(size, BATCH);
            if (events.isEmpty()) {
                throw new IllegalStateException("sealed events after " + size + " are missing from the chain");
            }
            tree.append(size, events);
            size += events.size();
        }
        if (size != head.treeSize()) {
            jdbc.sql("update audit_head set tree_size = ? where id = 1")
                    .param(size)
                    .update();
        }
    }

    /** The chain head as the sealer holds it locked, with the tree's size. */
    private record LockedHead(long sequence, String hash, long treeSize) {}

    private record Unsealed(long id, AuditEvent content) {}
}
