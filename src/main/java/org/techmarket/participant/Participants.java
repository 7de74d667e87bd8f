package org.techmarket.participant;

import java.util.Optional;

/** The participant registry as other modules see it. */
public interface Participants {

    Optional<OrganizationSummary> organization(String id);

    /** The organization, or a NOT_FOUND refusal naming the field that referred to it. */
    OrganizationSummary requireOrganization(String id, String field);

    /** The organization's unified social credit code; empty for an individual or an unknown id. */
    Optional<String> creditCode(String organizationId);

    /**
     * How a contract names the participant: its credit code, or an individual's resident identity number (in full:
     * callers show it only {@linkplain LegalIdentity#shown() masked}). Empty for an unknown id and for an individual
     * registered before identity numbers were recorded.
     */
    Optional<LegalIdentity> legalIdentity(String organizationId);

    /** A venue by id. */
    Optional<VenueSummary> venue(String venueId);
}
