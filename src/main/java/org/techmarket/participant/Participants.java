package org.techmarket.participant;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/** The participant registry as other modules see it. */
public interface Participants {

    Optional<OrganizationSummary> organization(String id);

    /** As {@link #organization(String)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Optional<OrganizationSummary>> organization(String id, ReadsTogether.Batch batch);

    /** The organizations of these ids that exist, by id, read together: a page's owners or parties in one query. */
    Map<String, OrganizationSummary> organizations(Collection<String> ids);

    /** As {@link #organizations(Collection)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Map<String, OrganizationSummary>> organizations(
            Collection<String> ids, ReadsTogether.Batch batch);

    /**
     * The organization the actor acts for, when its status permits {@code action} (the one matrix of
     * {@link OrganizationStatus#permits}); otherwise 403 ORGANIZATION_SUSPENDED or ORGANIZATION_NOT_VERIFIED. A
     * broker acting for the organization is refused with 403 and a {@link MandateCodes} code unless its mandate is in
     * force and grants the {@link MandateAction} covering {@code action}.
     */
    OrganizationSummary permitted(Actor actor, MarketAction action);

    /**
     * As {@link #permitted(Actor, MarketAction)}, for an action on these assets: a broker acting for the organization
     * is refused with 403 MANDATE_SCOPE_EXCLUDES unless its mandate covers every one of them.
     */
    OrganizationSummary permitted(Actor actor, MarketAction action, Collection<String> assetIds);

    /**
     * As {@link #permitted(Actor, MarketAction)}, for an action on the need {@code needId}, or on a need not yet
     * drafted when empty: a broker acting for the organization is refused with 403 MANDATE_SCOPE_EXCLUDES unless its
     * mandate names the need, or covers all the client's business (the only scope a new need falls in).
     */
    OrganizationSummary permittedOnNeed(Actor actor, MarketAction action, Optional<String> needId);

    /**
     * As {@link #permitted(Actor, MarketAction)} for each of the actors, their organizations share-locked in one
     * statement whatever their number, each refused alone: an actor refused refuses no other, and does not fail the
     * caller's transaction. For actors acting for their own organizations only (a broker is checked by
     * {@link #permitted(Actor, MarketAction)}, against its mandate).
     */
    Permissions permittedEach(Collection<Actor> actors, MarketAction action);

    /** The organizations permitted, and the refusal of each organization refused; both by organization id. */
    record Permissions(Map<String, OrganizationSummary> permitted, Map<String, Rejection> refused) {

        public Permissions {
            permitted = Map.copyOf(permitted);
            refused = Map.copyOf(refused);
        }
    }

    /** As {@link #permitted(Actor, MarketAction)}, for an organization named by id (NOT_FOUND when unknown). */
    OrganizationSummary requirePermitted(String organizationId, MarketAction action);

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

    /**
     * An operator suspends the organization for {@code reason}, as {@code POST /organizations/{id}/suspension} does:
     * audited and announced ({@link OrganizationSuspended}). Refused as that is (not an operator, no reason, a status
     * that cannot become SUSPENDED, an unknown id).
     */
    OrganizationSummary suspendOrganization(Actor operator, String organizationId, String reason);

    /** A venue by id. */
    Optional<VenueSummary> venue(String venueId);
}
