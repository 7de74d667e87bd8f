package org.techmarket.deal.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.persistence.DealHistory;
import org.techmarket.deal.persistence.DealRow;

/** Writes a deal's history and the audit log together, in the transaction that changed the deal. */
@Component
class DealJournal {

    private final DealHistory history;
    private final AuditLog audit;

    DealJournal(DealHistory history, AuditLog audit) {
        this.history = history;
        this.audit = audit;
    }

    /** Records that {@code actor} did {@code event}, leaving the deal in its current status. */
    void record(String actor, String event, DealRow deal, Instant at, Map<String, ?> details) {
        history.append(deal.id(), new DealHistory.Step(deal.status(), event, actor, at));
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("status", deal.status().name());
        audit.record(actor, event, "deal:" + deal.id(), payload);
    }
}
