package org.techmarket.shared;

/**
 * What a user may do: act for their organization, administer it, operate a venue, regulate the market, or administer
 * the market's venues.
 */
public enum Role {
    MEMBER,
    ORG_ADMIN,
    OPERATOR,
    REGULATOR,
    MARKET_ADMIN;

    public boolean actsForOrganization() {
        return this == MEMBER || this == ORG_ADMIN;
    }
}
