package org.techmarket.audit;

import java.util.Map;

/**
 * Appends events to the market's tamper-evident audit log. Call it inside the transaction that makes the
 * change, so the change and its record commit together or not at all.
 */
public interface AuditLog {

    /**
     * Records that {@code actor} did {@code type} to {@code subject}; the payload is stored as canonical JSON.
     */
    void record(String actor, String type, String subject, Map<String, ?> payload);
}
