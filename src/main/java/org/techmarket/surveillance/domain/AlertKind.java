package org.techmarket.surveillance.domain;

/** What a detector found; each kind is one documented rule of docs/surveillance.md. */
public enum AlertKind {
    SHILL_BIDDING,
    BID_ROTATION,
    WASH_TRADE,
    CONCENTRATION,
    PRICE_OUTLIER
}
