package org.techmarket.participant;

/** The kind of participant an organization is; an INDIVIDUAL has no unified social credit code. */
public enum OrganizationType {
    UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, INDIVIDUAL, SERVICE_PROVIDER, FINANCIAL_INSTITUTION,
    GOVERNMENT_AGENCY;

    public boolean hasCreditCode() {
        return this != INDIVIDUAL;
    }
}
