package org.techmarket.participant;

import java.util.Optional;

/** The participant registry as other modules see it. */
public interface Participants {

    Optional<OrganizationSummary> organization(String id);

    /** The organization, or a NOT_FOUND refusal naming the field that referred to it. */
    OrganizationSummary requireOrganization(String id, String field);
}
