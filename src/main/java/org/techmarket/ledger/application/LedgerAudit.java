package org.techmarket.ledger.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.domain.LedgerEvents;

/**
 * Records the ledger's audit events to be appended as the transaction commits, or with the next event the
 * transaction records, rather than one insert each when they happen: a transaction that makes several ledger moves, or
 * a step that records its own events after them, appends them all in one statement, in the order they happened.
 */
@Component
class LedgerAudit {

    private final AuditLog audit;

    LedgerAudit(AuditLog audit) {
        this.audit = audit;
    }

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

    /**
     * Appends now, in one statement, every event the transaction has held back so far (an append of no events of its
     * own goes after them, which is all it does here).
     */
    void appendHeldBack() {
        audit.recordAll(List.of());
    }

    void record(String actor, LedgerEvents type, String subject, Map<String, ?> payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("ledger changes are recorded inside a transaction");
        }
        audit.recordAtCommit(new AuditLog.Entry(actor, type.name(), subject, payload));
    }
}
