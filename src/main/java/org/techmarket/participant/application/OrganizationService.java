package org.techmarket.participant.application;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.LegalIdentity;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.OrganizationSuspended;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.Participants;
import org.techmarket.participant.VenueSummary;
import org.techmarket.participant.domain.Organization;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.Organizations;
import org.techmarket.participant.persistence.Users;
import org.techmarket.participant.persistence.Venues;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * Operators verify, suspend and reinstate organizations; everyone may read an organization's public profile. A
 * suspension is announced ({@link OrganizationSuspended}) so that the organization's listings end; reinstatement
 * reopens nothing. Every module asks {@link #permitted} before an organization's action.
 */
@Service
public class OrganizationService implements Participants {

    private final Organizations organizations;
    private final Users users;
    private final Venues venues;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Mandating mandating;

    OrganizationService(
            Organizations organizations,
            Users users,
            Venues venues,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            Mandating mandating) {
        this.mandating = mandating;
        this.events = events;
        this.organizations = organizations;
        this.users = users;
        this.venues = venues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Organization verify(Actor actor, String organizationId) {
        return changeStatus(
                actor, organizationId, OrganizationStatus.VERIFIED, ParticipantEvents.OrganizationVerified.name(), "");
    }

    @Transactional
    public Organization suspend(Actor actor, String organizationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalid(ParticipantCodes.REASON_REQUIRED, "reason", "A suspension needs a reason");
        }
        Organization suspended = changeStatus(
                actor,
                organizationId,
                OrganizationStatus.SUSPENDED,
                AuditLog.typeOf(OrganizationSuspended.class),
                reason.strip());
        events.publishEvent(
                new OrganizationSuspended(suspended.id(), suspended.venueId(), reason.strip(), suspended.updatedAt()));
        return suspended;
    }

    @Override
    @Transactional
    public OrganizationSummary suspendOrganization(Actor operator, String organizationId, String reason) {
        return suspend(operator, organizationId, reason).summary();
    }

    /**
     * The organization's admin, or an operator, sets its legal representative and registered address (each optional:
     * left out, it is cleared). Audited with the representative's name masked.
     */
    @Transactional
    public Organization changeParticulars(
            Actor actor, String organizationId, String legalRepresentative, String registeredAddress) {
        Organization current = organizations
                .lock(organizationId)
                .orElseThrow(() -> Rejection.notFound("Organization", organizationId));
        boolean ownAdmin = actor.role() == Role.ORG_ADMIN && actor.belongsTo(organizationId);
        if (!ownAdmin && !actor.isOperator()) {
            throw Rejection.forbidden("Only the organization's admins and operators change its particulars");
        }
        List<Rejection.FieldError> errors =
                OrganizationParticulars.problems(legalRepresentative, registeredAddress, "");
        if (!errors.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.VALIDATION_FAILED,
                    "The particulars have invalid fields",
                    errors,
                    Map.of());
        }
        Organization changed = current.withParticulars(
                OrganizationParticulars.of(legalRepresentative, registeredAddress), clock.instant());
        organizations.updateParticulars(changed);
        Map<String, Object> payload = new LinkedHashMap<>();
        RegistrationService.putParticulars(payload, changed);
        audit.record(
                actor.auditName(),
                ParticipantEvents.OrganizationParticularsChanged,
                "organization:" + organizationId,
                payload);
        return changed;
    }

    private Organization changeStatus(
            Actor actor, String organizationId, OrganizationStatus next, String event, String reason) {
        actor.requireOperator();
        Organization current = organizations
                .lock(organizationId)
                .orElseThrow(() -> Rejection.notFound("Organization", organizationId));
        Organization changed = current.withStatus(next, clock.instant());
        organizations.updateStatus(changed);
        if (next == OrganizationStatus.VERIFIED && current.status() == OrganizationStatus.PENDING) {
            // One identity market-wide: the venue that first verifies the organization is recorded and becomes its
            // venue; every other venue relies on that verification.
            Optional<String> venue = actor.venueId();
            if (venue.isPresent()) {
                organizations.recordVerifyingVenue(organizationId, venue.get());
                if (!venue.get().equals(current.venueId())) {
                    changed = organizations.find(organizationId).orElseThrow();
                }
            }
        }
        audit.record(
                actor.auditName(),
                event,
                "organization:" + organizationId,
                Map.of("from", current.status().name(), "to", next.name(), "reason", reason));
        return changed;
    }

    @Transactional(readOnly = true)
    public Organization get(String organizationId) {
        return organizations.find(organizationId).orElseThrow(() -> Rejection.notFound("Organization", organizationId));
    }

    /**
     * For operators and regulators: the verified organizations (other than itself) whose name reads the same as each
     * given organization's, by the given organization's id, in one query for them all; for anyone else, nothing.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Namesake>> verifiedNamesakes(Actor actor, List<Organization> of) {
        if (!actor.seesWholeMarket()) {
            return Map.of();
        }
        Map<String, List<Organizations.Named>> byKey = organizations.verifiedByNameKey(
                of.stream().map(o -> Text.sameNameKey(o.name())).collect(Collectors.toSet()));
        Map<String, List<Namesake>> namesakes = new HashMap<>();
        for (Organization o : of) {
            namesakes.put(
                    o.id(),
                    byKey.getOrDefault(Text.sameNameKey(o.name()), List.of()).stream()
                            .filter(named -> !named.id().equals(o.id()))
                            .map(named -> new Namesake(named.id(), named.name()))
                            .toList());
        }
        return namesakes;
    }

    /** A verified organization whose name reads the same as another's. */
    public record Namesake(String organizationId, String name) {}

    @Transactional(readOnly = true)
    public Page<Organization> list(Optional<OrganizationStatus> status, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.of(organizations.page(Cursor.decode(cursor), status, size + 1), size, Organization::id);
    }

    /** The newest pending organizations and, by the ids of those that have any, their verified namesakes. */
    public record Pending(List<Organization> organizations, Map<String, List<Namesake>> namesakes) {}

    /**
     * The newest organizations waiting for verification, newest first, for an operator's desk, with each one's
     * verified namesakes as {@link #verifiedNamesakes(Actor, List)} gives them, all read with the other queries of
     * {@code batch}.
     */
    public ReadsTogether.Later<Pending> newestPending(Actor actor, int limit, ReadsTogether.Batch batch) {
        actor.requireOperator();
        ReadsTogether.Later<List<Organization>> pending = organizations.newestPending(limit, batch);
        ReadsTogether.Later<Map<String, List<Organizations.Named>>> namesakes =
                organizations.verifiedNamesakesOfNewestPending(limit, batch);
        return pending.map(of -> {
            // only the organizations that have namesakes: the desk warns of those alone
            Map<String, List<Namesake>> byId = new HashMap<>();
            for (Organization o : of) {
                List<Organizations.Named> same = namesakes.get().getOrDefault(o.id(), List.of());
                if (!same.isEmpty()) {
                    byId.put(
                            o.id(),
                            same.stream()
                                    .map(named -> new Namesake(named.id(), named.name()))
                                    .toList());
                }
            }
            return new Pending(of, byId);
        });
    }

    /** The users of an organization: for its own members, operators and regulators. */
    @Transactional(readOnly = true)
    public List<User> users(Actor actor, String organizationId) {
        requireUsersReader(actor, organizationId);
        return users.ofOrganization(organizationId);
    }

    /**
     * A page of the organization's users, by id, for the same readers as {@link #users(Actor, String)}; a member reads
     * its own organization's without reading the organization again.
     */
    @Transactional(readOnly = true)
    public Page<User> users(Actor actor, String organizationId, String cursor, Integer limit) {
        if (!actor.belongsTo(organizationId)) {
            requireUsersReader(actor, organizationId);
        }
        int size = Cursor.limit(limit);
        return Page.of(users.ofOrganization(organizationId, Cursor.decode(cursor), size + 1), size, User::id);
    }

    /**
     * As {@link #users(Actor, String, String, Integer)}, read with the other queries of {@code batch}; a caller of
     * another organization is refused at once, before the batch is sent.
     */
    public ReadsTogether.Later<Page<User>> users(
            Actor actor, String organizationId, String cursor, Integer limit, ReadsTogether.Batch batch) {
        if (!actor.belongsTo(organizationId)) {
            requireUsersReader(actor, organizationId);
        }
        int size = Cursor.limit(limit);
        return users.ofOrganization(organizationId, Cursor.decode(cursor), size + 1, batch)
                .map(rows -> Page.of(rows, size, User::id));
    }

    private void requireUsersReader(Actor actor, String organizationId) {
        get(organizationId);
        if (!actor.belongsTo(organizationId) && !actor.seesWholeMarket()) {
            throw Rejection.forbidden("Only the organization's members, operators and regulators see its users");
        }
    }

    @Override
    @Transactional
    public OrganizationSummary permitted(Actor actor, MarketAction action) {
        OrganizationSummary organization = requirePermitted(actor.requireOrganization(), action);
        mandating.requireGrants(actor, action);
        return organization;
    }

    @Override
    @Transactional
    public OrganizationSummary permitted(Actor actor, MarketAction action, Collection<String> assetIds) {
        OrganizationSummary organization = requirePermitted(actor.requireOrganization(), action);
        mandating.requireGrants(actor, action, assetIds);
        return organization;
    }

    @Override
    @Transactional
    public Permissions permittedEach(Collection<Actor> actors, MarketAction action) {
        Map<String, OrganizationSummary> found = new HashMap<>();
        organizations
                .lockSharedAll(actors.stream().map(Actor::requireOrganization).toList())
                .forEach(o -> found.put(o.id(), o.summary()));
        Map<String, OrganizationSummary> permitted = new HashMap<>();
        Map<String, Rejection> refused = new HashMap<>();
        for (Actor actor : actors) {
            if (actor.agency().isPresent()) {
                throw new IllegalArgumentException("a broker is checked against its mandate, one at a time");
            }
            String id = actor.requireOrganization();
            OrganizationSummary organization = found.get(id);
            try {
                // Refusals of the registry's own checks, thrown and caught here: none crosses a transactional
                // boundary, so none marks the caller's transaction for rollback.
                if (organization == null) {
                    throw requireOrganizationRefusal(id, "organizationId");
                }
                organization.status().requirePermits(action);
                permitted.put(id, organization);
            } catch (Rejection refusal) {
                refused.put(id, refusal);
            }
        }
        return new Permissions(permitted, refused);
    }

    @Override
    @Transactional
    public OrganizationSummary permittedOnNeed(Actor actor, MarketAction action, Optional<String> needId) {
        OrganizationSummary organization = requirePermitted(actor.requireOrganization(), action);
        mandating.requireGrantsOnNeed(actor, action, needId);
        return organization;
    }

    /**
     * The status is read under a share lock held to the end of the caller's transaction, so a suspension (which
     * locks the row for update) comes wholly before or wholly after the action: no action checked as VERIFIED
     * commits after the suspension.
     */
    @Override
    @Transactional
    public OrganizationSummary requirePermitted(String organizationId, MarketAction action) {
        OrganizationSummary organization = organizations
                .lockShared(organizationId)
                .map(Organization::summary)
                .orElseThrow(() -> requireOrganizationRefusal(organizationId, "organizationId"));
        organization.status().requirePermits(action);
        return organization;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationSummary> organization(String id) {
        return organizations.find(id).map(Organization::summary);
    }

    @Override
    public ReadsTogether.Later<Optional<OrganizationSummary>> organization(String id, ReadsTogether.Batch batch) {
        return organizations.find(id, batch).map(found -> found.map(Organization::summary));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, OrganizationSummary> organizations(Collection<String> ids) {
        return byId(organizations.findAll(ids));
    }

    @Override
    public ReadsTogether.Later<Map<String, OrganizationSummary>> organizations(
            Collection<String> ids, ReadsTogether.Batch batch) {
        return organizations.findAll(ids, batch).map(OrganizationService::byId);
    }

    private static Map<String, OrganizationSummary> byId(List<Organization> found) {
        Map<String, OrganizationSummary> byId = new HashMap<>();
        found.forEach(o -> byId.put(o.id(), o.summary()));
        return byId;
    }

    @Override
    @Transactional(readOnly = true)
    public OrganizationSummary requireOrganization(String id, String field) {
        return organization(id).orElseThrow(() -> requireOrganizationRefusal(id, field));
    }

    private static Rejection requireOrganizationRefusal(String id, String field) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                ParticipantCodes.ORGANIZATION_NOT_FOUND,
                "Organization " + id + " does not exist",
                List.of(new Rejection.FieldError(field, "no such organization")),
                Map.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> creditCode(String organizationId) {
        return organizations.find(organizationId).flatMap(Organization::creditCode);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LegalIdentity> legalIdentity(String organizationId) {
        return organizations.find(organizationId).flatMap(Organization::legalIdentity);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VenueSummary> venue(String venueId) {
        return venues.find(venueId).map(v -> new VenueSummary(v.id(), v.code(), v.name(), v.region()));
    }
}
