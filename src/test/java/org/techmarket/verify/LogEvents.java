package org.techmarket.verify;

import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Events put into the market's log for the verifier's integration tests, sealed at once, and fresh checkpoints. */
final class LogEvents {

    private final TransactionTemplate transactions;
    private final AuditSealer sealer;
    private final AuditLog auditLog;

    LogEvents(TransactionTemplate transactions, AuditSealer sealer, AuditLog auditLog) {
        this.transactions = transactions;
        this.sealer = sealer;
        this.auditLog = auditLog;
    }

    /** Records an event with a subject of its own and seals it into the tree; returns the subject. */
    String recordSealed(String prefix) {
        String subject = "test:" + Fixtures.unique(prefix);
        transactions.executeWithoutResult(
                status -> auditLog.record(subject, "LogEntryTested", subject, Map.of("note", "as it happened")));
        sealer.sealCommitted();
        return subject;
    }

    /** Asks the market for a checkpoint of the tree as it is now; returns the signed note. */
    static String issueCheckpoint(Api api) {
        Api.Response response =
                api.send("POST", "/api/v1/log/checkpoints", IntegrationTest.ADMIN_TOKEN, null, new byte[0]);
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("no checkpoint issued: " + response.status() + " " + response.text());
        }
        return response.text();
    }
}
