package org.techmarket.financing.application;

import org.techmarket.audit.AuditEventType;

/** The audit log's types for financing, named once. */
enum FinancingEvents implements AuditEventType {
    FinancingRequested,
    FinancingConsented,
    FinancingOffered,
    FinancingOfferExpired,
    LoanDisbursed,
    InterestAccrued,
    InstalmentCollected,
    LoanOverdue,
    LoanBroughtCurrent,
    LoanRepaid,
    LoanDefaulted,
    LoanSaleListed,
    LoanSettledBySale
}
