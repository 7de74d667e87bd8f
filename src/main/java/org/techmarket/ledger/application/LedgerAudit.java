package org.techmarket.ledger.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.domain.LedgerEvents;
import org.techmarket.ledger.persistence.Journal;
import org.techmarket.shared.CanonicalJson;

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

    /**
     * The {@code TransfersPosted} event of a group posted in one statement, which records it with the transfers the
     * database accepts of {@code candidates}: its payload is the one {@link #recordTransfers} writes for them, each
     * transfer's canonical JSON written here and the accepted ones joined in the statement.
     */
    Journal.GroupEvent transfersPosted(List<Transfer> candidates) {
        return new Journal.GroupEvent(
                LedgerEvents.TransfersPosted.name(),
                "transfer-batch:" + candidates.get(0).batchId(),
                OPEN,
                candidates.stream().map(t -> CanonicalJson.write(payload(t))).toList(),
                CLOSE);
    }

    /** The canonical payload of no transfers, {@code {"transfers":[]}}, cut where the transfers go. */
    private static final String EMPTY = CanonicalJson.write(Map.of("transfers", List.of()));

    private static final String OPEN = EMPTY.substring(0, EMPTY.indexOf("[]") + 1);
    private static final String CLOSE = EMPTY.substring(EMPTY.indexOf("[]") + 1);

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
     * Takes every event the transaction has held back so far, for the posting's statement to append (an event
     * recorded after this is appended by the log as the transaction commits).
     */
    Optional<AuditLog.Appending> takeHeldBack() {
        return audit.takeHeldBack();
    }

    void record(String actor, LedgerEvents type, String subject, Map<String, ?> payload) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("ledger changes are recorded inside a transaction");
        }
        audit.recordAtCommit(new AuditLog.Entry(actor, type.name(), subject, payload));
    }
}
