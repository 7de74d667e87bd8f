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

    /** Records an event of a type that the recording module names in its enum of audit events. */
    default void record(String actor, AuditEventType type, String subject, Map<String, ?> payload) {
        record(actor, type.name(), subject, payload);
    }

    /** Records an event that the module also publishes as an {@code event} record, whose name is the type. */
    default void record(String actor, Class<? extends Record> event, String subject, Map<String, ?> payload) {
        record(actor, typeOf(event), subject, payload);
    }

    /** The type under which an event published as a record is logged: the record's simple name. */
    static String typeOf(Class<? extends Record> event) {
        return event.getSimpleName();
    }
}
