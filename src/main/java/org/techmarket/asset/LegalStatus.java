package org.techmarket.asset;

/** An asset's legal standing; only PENDING and GRANTED assets are in force and can carry new rights. */
public enum LegalStatus {
    PENDING,
    GRANTED,
    LAPSED,
    EXPIRED,
    INVALIDATED;

    public boolean inForce() {
        return this == PENDING || this == GRANTED;
    }
}
