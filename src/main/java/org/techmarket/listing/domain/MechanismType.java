package org.techmarket.listing.domain;

/**
 * The price mechanisms a listing may be sold under. NEGOTIATION has no auction engine: buyers send offers at an
 * asking price (the mechanism's startPrice) and the deal module concludes the listing when the seller agrees.
 */
public enum MechanismType {
    ENGLISH,
    SEALED_FIRST_PRICE,
    SEALED_SECOND_PRICE,
    DUTCH,
    FIXED_PRICE,
    NEGOTIATION
}
