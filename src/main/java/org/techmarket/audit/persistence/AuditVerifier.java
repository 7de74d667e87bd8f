package org.techmarket.audit.persistence;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.domain.HashChain;

/** Re-computes the whole hash chain from the stored events, in batches, and compares it with the recorded head. */
@Service
public class AuditVerifier {

    private static final int BATCH = 2000;

    private final JdbcAuditLog log;
    private final AuditSealer sealer;

    AuditVerifier(JdbcAuditLog log, AuditSealer sealer) {
        this.log = log;
        this.sealer = sealer;
    }

    /** The outcome of a verification: whether the chain holds, how many events it covers, and its head. */
    public record Verification(boolean valid, long events, String headHash, Optional<HashChain.Break> firstBreak) {}

    /** Seals what has been committed, then verifies the whole chain. */
    public Verification sealAndVerify() {
        sealer.sealCommitted();
        return verify();
    }

    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Verification verify() {
        JdbcAuditLog.Head head = log.head();
        BatchedEvents events = new BatchedEvents(head.sequence());
        Optional<HashChain.Break> broken = HashChain.firstBreak(HashChain.GENESIS, 0, events);
        if (broken.isEmpty() && (events.lastSequence != head.sequence() || !events.lastHash.equals(head.hash()))) {
            broken = Optional.of(
                    new HashChain.Break(events.lastSequence + 1, "recorded head does not match the events"));
        }
        return new Verification(broken.isEmpty(), events.lastSequence, head.hash(), broken);
    }

    /** Streams events up to the head in batches so verification runs in constant memory. */
    private final class BatchedEvents implements Iterator<AuditEvent> {
        private final long until;
        private List<AuditEvent> batch = List.of();
        private int index;
        private long lastSequence;
        private String lastHash = HashChain.GENESIS;

        BatchedEvents(long until) {
            this.until = until;
        }

        @Override
        public boolean hasNext() {
            if (index < batch.size()) {
                return true;
            }
            if (lastSequence >= until) {
                return false;
            }
            batch = log.page(lastSequence, BATCH).stream()
                    .filter(e -> e.sequence() <= until)
                    .toList();
            index = 0;
            return !batch.isEmpty();
        }

        @Override
        public AuditEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditEvent event = batch.get(index++);
            lastSequence = event.sequence();
            lastHash = event.hash();
            return event;
        }
    }
}
