package org.techmarket.operations.application;

import org.techmarket.audit.AuditEventType;

/**
 * The events operating the market's machinery records in the audit log, named as the type each is stored under.
 */
enum OperationsEvents implements AuditEventType {
    StuckItemReleased
}
