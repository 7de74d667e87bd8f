package org.techmarket.ledger;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which the ledger refuses a movement of money: transfers, holds, escrow and cash.
 */
public enum LedgerCodes implements ProblemCode {
    INSUFFICIENT_FUNDS,
    SAME_ACCOUNT,
    BALANCE_LIMIT,
    EMPTY_BATCH,
    DUPLICATE_IDEMPOTENCY_KEY,
    ACCOUNT_NOT_MOVABLE,
    ESCROW_NOT_OPEN,
    INVALID_ORGANIZATION,
    INVALID_PURPOSE,
    HOLD_NOT_ACTIVE,
    HOLD_EXPIRED,
    HOLD_NOT_DUE,
    EXCEEDS_HOLD,
    INVALID_DESTINATION,
    AMOUNT_ABOVE_CEILING,
    BALANCE_ABOVE_CEILING,
    BANK_REFERENCE_CONFLICT,
    INVALID_BANK_REFERENCE
}
