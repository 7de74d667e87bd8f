package org.techmarket.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * Records the event in the caller's transaction no later than its commit: an implementation may hold it back and
     * append it with the next event recorded in that transaction, or just before the transaction commits, so that a
     * step's events go in one append. The log's order is the order of the calls either way.
     */
    default void recordAtCommit(Entry entry) {
        record(entry.actor(), entry.type(), entry.subject(), entry.payload());
    }

    /**
     * The events held back, as the log would append them now, for a statement of another module to append with its
     * own change through the {@code audit_append_all} function ({@code occurredAt} and, one element an event in order,
     * actors, types, subjects and canonical JSON payloads).
     */
    record Appending(Instant occurredAt, String[] actors, String[] types, String[] subjects, String[] payloads) {}

    /**
     * Hands over the events the transaction held back ({@link #recordAtCommit}) so far, which the log then no longer
     * appends itself: the caller's statement appends them. Empty when none are held back or the log holds none back.
     */
    default Optional<Appending> takeHeldBack() {
        return Optional.empty();
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
