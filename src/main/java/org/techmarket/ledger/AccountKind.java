package org.techmarket.ledger;

/**
 * The kinds of ledger account: an organization's AVAILABLE and HELD funds, a venue's FEES, a deal's ESCROW, and
 * the market's BANK clearing account, the counterpart of money received at and paid out by the settlement bank.
 */
public enum AccountKind {
    AVAILABLE,
    HELD,
    FEES,
    ESCROW,
    BANK;

    /** Only BANK, which mirrors money held outside the market, goes below zero. */
    public boolean mayGoNegative() {
        return this == BANK;
    }
}
