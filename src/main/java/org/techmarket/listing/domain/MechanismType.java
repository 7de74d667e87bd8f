package org.techmarket.listing.domain;

/** The price mechanisms a listing may be sold under. */
public enum MechanismType {
    ENGLISH, SEALED_FIRST_PRICE, SEALED_SECOND_PRICE, DUTCH, FIXED_PRICE
}
