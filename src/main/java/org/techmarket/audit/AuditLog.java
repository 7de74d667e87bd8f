package org.techmarket.audit;

import java.util.List;
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

    /** One event to record: who did what to which subject, with its payload. */
    record Entry(String actor, String type, String subject, Map<String, ?> payload) {}

    /**
     * Records the events in their order, as {@link #record(String, String, String, Map)} does each; an implementation
     * may append them together (one round trip for a group of bids committed at once).
     */
    default void recordAll(List<Entry> entries) {
        entries.forEach(e -> record(e.actor(), e.type(), e.subject(), e.payload()));
    }

    /**
     * Records the event by the time the transaction commits: an implementation may keep it until this transaction
     * records its next events, and append it with them (one round trip for a module's event and the one that
     * follows), or else just before the commit; events it keeps keep their order. Call it while the transaction
     * runs, not from a callback of its commit.
     */
    default void recordByCommit(Entry entry) {
        record(entry.actor(), entry.type(), entry.subject(), entry.payload());
    }

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
