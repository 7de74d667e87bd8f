package org.techmarket.audit.persistence;

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

/**
 * Gives committed events their place in the hash chain. Only committed events are visible to it, and the chain
 * head row is locked while it works, so however many nodes run it the chain grows one event at a time and never
 * forks; an event committed later simply takes a later place.
 */
@Service
public class AuditSealer {

    private static final int BATCH = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    AuditSealer(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** Runs on every node; skips a round when another node is sealing. */
    @Scheduled(fixedDelayString = "${techmarket.audit.seal-interval:PT0.2S}")
    public void sealInBackground() {
        while (Boolean.TRUE.equals(transactions.execute(status -> sealBatch(true)))) {
            // more events are waiting
        }
    }

    /** Seals everything committed so far, waiting for another sealer if one is at work; for readers of the log. */
    public void sealCommitted() {
        while (Boolean.TRUE.equals(transactions.execute(status -> sealBatch(false)))) {
            // more events are waiting
        }
    }

    /** Seals up to one batch; true when a full batch was sealed and more may wait. */
    private boolean sealBatch(boolean skipIfBusy) {
        Optional<JdbcAuditLog.Head> head = jdbc.sql("select sequence, hash from audit_head where id = 1 for update"
                        + (skipIfBusy ? " skip locked" : ""))
                .query((rs, n) -> new JdbcAuditLog.Head(rs.getLong(1), rs.getString(2))).optional();
        if (head.isEmpty()) {
            return false;
        }
        List<Unsealed> unsealed = jdbc.sql("""
                select id, occurred_at, actor, type, subject, payload from audit_event
                where sequence is null order by id limit ?""").param(BATCH)
                .query((rs, n) -> new Unsealed(rs.getLong(1), new AuditEvent(0, rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), "", "")))
                .list();
        if (unsealed.isEmpty()) {
            return false;
        }
        long sequence = head.get().sequence();
        String previous = head.get().hash();
        List<Object[]> updates = new ArrayList<>(unsealed.size());
        for (Unsealed event : unsealed) {
            sequence++;
            AuditEvent e = event.content();
            AuditEvent placed = new AuditEvent(sequence, e.occurredAt(), e.actor(), e.type(), e.subject(), e.payload(),
                    previous, "");
            String hash = HashChain.hash(previous, placed);
            updates.add(new Object[] {sequence, previous, hash, event.id()});
            previous = hash;
        }
        template.batchUpdate("update audit_event set sequence = ?, previous_hash = ?, hash = ? where id = ?", updates);
        jdbc.sql("update audit_head set sequence = ?, hash = ? where id = 1").params(sequence, previous).update();
        return unsealed.size() == BATCH;
    }

    private record Unsealed(long id, AuditEvent content) {}

}
