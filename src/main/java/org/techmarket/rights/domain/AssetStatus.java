package org.techmarket.rights.domain;

/** The legal status of the protected asset, as far as granting rights over it is concerned. */
public enum AssetStatus {
    GRANTED,
    PENDING,
    LAPSED,
    EXPIRED,
    INVALIDATED;

    /** A pending application can already be licensed or assigned; an asset that has died cannot. */
    public boolean isInForce() {
        return this == GRANTED || this == PENDING;
    }
}
