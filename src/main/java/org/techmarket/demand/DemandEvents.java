package org.techmarket.demand;

import org.techmarket.audit.AuditEventType;

/** The audit log's types for needs and challenges, spelt as stored (ADR 0029). */
public enum DemandEvents implements AuditEventType {
    NeedDrafted,
    NeedPublished,
    NeedFulfilled,
    NeedClosed,
    NeedExpired,
    ProposalSubmitted,
    ProposalScored,
    WinnerSelected
}
