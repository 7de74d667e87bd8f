package org.techmarket.ledger.domain;

import org.techmarket.audit.AuditEventType;

/**
 * The events the ledger records in the audit log, each constant named as the type it is stored under.
 */
public enum LedgerEvents implements AuditEventType {
    TransfersPosted,
    EscrowOpened,
    HoldPlaced,
    HoldCaptured,
    HoldReleased,
    HoldExpired,
    CashInRecorded,
    CashOutRequested,
    CashOutConfirmed,
    CashOutCancelled
}
