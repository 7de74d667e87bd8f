package org.techmarket.ledger.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.domain.LedgerEvents;

/**
 * Records the ledger's audit events when the transaction is about to commit rather than when they happen, so a
 * transaction that makes several ledger moves appends its events at its end, after every account lock it waited for.
 */
@Component
class LedgerAudit {

    private final AuditLog audit;

    LedgerAudit(AuditLog audit) {
        this.audit = audit;
    }

    private record Event(String actor, LedgerEvents type, String subject, Map<String, ?> payload) {}

    /** Records that a batch of transfers was posted, with each transfer in the payload. */
    void recordTransfers(String actor, List<Transfer> posted) {
        if (!posted.isEmpty()) {
            record(
                    actor,
                    LedgerEvents.TransfersPosted,
                    "transfer-batch:" + posted.get(0).batchId(),
                    Map.of(
                            "transfers",
                            posted.stream().map(LedgerAudit::payload).toList()));
        }
    }

    private static Map<String, Object> payload(Transfer t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", t.id());
        payload.put("from", t.from().key());
        payload.put("to", t.to().key());
        payload.put("amount", t.amount());
        payload.put("reason", t.reason());
        payload.put("cause", t.cause());
        return payload;
    }

    void record(String actor, LedgerEvents type, String subject, Map<String, ?> payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("ledger changes are recorded inside a transaction");
        }
        @SuppressWarnings("unchecked")
        List<Event> pending = (List<Event>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Event> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    events.forEach(e -> audit.record(e.actor(), e.type(), e.subject(), e.payload()));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LedgerAudit.this);
                }
            });
            pending = events;
        }
        pending.add(new Event(actor, type, subject, payload));
    }
}
