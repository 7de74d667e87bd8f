package org.techmarket.shared;

/** What a user may do: act for their organization, administer it, operate a venue, or regulate the market. */
public enum Role {
    MEMBER,
    ORG_ADMIN,
    OPERATOR,
    REGULATOR;

    public boolean actsForOrganization() {
        return this == MEMBER || this == ORG_ADMIN;
    }
}
