package org.techmarket.audit;

/**
 * A kind of event a module records in the audit log, named once in that module's enum: the constant's name is the
 * type the log stores, as an event record's simple name is for the events a module also publishes.
 */
public interface AuditEventType {

    /** The type as the log stores and shows it, such as {@code UserAdded}. */
    String name();
}
