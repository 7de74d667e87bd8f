package org.techmarket.participant;

/**
 * The kind of participant an organization is. An INDIVIDUAL is a natural person, identified by a resident identity
 * number instead of a unified social credit code.
 */
public enum OrganizationType {
    UNIVERSITY,
    RESEARCH_INSTITUTE,
    ENTERPRISE,
    INDIVIDUAL,
    SERVICE_PROVIDER,
    FINANCIAL_INSTITUTION,
    GOVERNMENT_AGENCY,
    /** A bank or guarantee company that lends against pledged patents. */
    LENDER,
    /** A technology broker (技术经理人) firm, which acts for clients under their mandates. */
    BROKER;

    public boolean hasCreditCode() {
        return this != INDIVIDUAL;
    }

    public boolean isNaturalPerson() {
        return this == INDIVIDUAL;
    }
}
