package org.techmarket.surveillance.domain;

/** Why two organizations count as related parties. */
public enum RelationKind {
    /** Users of both go by the same name: the same person acting for both. */
    SHARED_USER,
    /** Both name the same legal representative. */
    SAME_LEGAL_REPRESENTATIVE,
    /** Both are registered at the same address. */
    SAME_REGISTERED_ADDRESS,
    /** Both own shares of the same asset. */
    ASSET_CO_OWNERSHIP,
    /** Both cashed out to the same bank account. */
    SAME_BANK_ACCOUNT,
    /** Users of both logged in from the same client address. */
    SAME_LOGIN_ADDRESS
}
