package org.techmarket.demand.application;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.demand.DemandEvents;
import org.techmarket.shared.Actor;

/** Records the demand module's steps in the audit log, in the step's transaction, under subjects need: and proposal:. */
@Component
class DemandJournal {

    private final AuditLog audit;

    DemandJournal(AuditLog audit) {
        this.audit = audit;
    }

    void need(Actor actor, DemandEvents type, String needId, Map<String, ?> payload) {
        audit.record(actor.auditName(), type, "need:" + needId, payload);
    }

    void proposal(Actor actor, DemandEvents type, String proposalId, Map<String, ?> payload) {
        audit.record(actor.auditName(), type, "proposal:" + proposalId, payload);
    }
}
