package org.techmarket.audit.persistence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Gives committed events their place in the hash chain. Only committed events are visible to it, and the chain
 * head row is locked while it works, so however many nodes run it the chain grows one event at a time and never
 * forks; an event committed later simply takes a later place. In the background it is a {@link Sweep} whose batch is
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

    AuditSealer(
            JdbcClient jdbc,
            JdbcTemplate template,
            TransactionTemplate transactions,
            BackgroundJobs jobs,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
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

    /** Seals up to one batch; returns how many events it sealed (none when another sealer holds the head). */
    private int sealBatch(boolean skipIfBusy) {
        Optional<JdbcAuditLog.Head> head = jdbc.sql("select sequence, hash from audit_head where id = 1 for update"
                        + (skipIfBusy ? " skip locked" : ""))
                .query((rs, n) -> new JdbcAuditLog.Head(rs.getLong(1), rs.getString(2)))
                .optional();
        if (head.isEmpty()) {
            return 0;
        }
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
        for (Unsealed event : unsealed) {
            sequence++;
            AuditEvent e = event.content();
            AuditEvent placed = new AuditEvent(
                    sequence, e.occurredAt(), e.actor(), e.type(), e.subject(), e.payload(), previous, "");
            String hash = HashChain.hash(previous, placed);
            updates.add(new Object[] {sequence, previous, hash, event.id()});
            previous = hash;
        }
        template.batchUpdate("update audit_event set sequence = ?, previous_hash = ?, hash = ? where id = ?", updates);
        jdbc.sql("update audit_head set sequence = ?, hash = ? where id = 1")
                .params(sequence, previous)
                .update();
        return unsealed.size();
    }

    private record Unsealed(long id, AuditEvent content) {}
}
