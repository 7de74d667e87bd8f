package org.techmarket.participant.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.BrokerQualification;
import org.techmarket.participant.BrokerTerms;
import org.techmarket.participant.Brokerage;
import org.techmarket.participant.MandateAction;
import org.techmarket.participant.MandateCodes;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.domain.Mandate;
import org.techmarket.participant.domain.MandateScope;
import org.techmarket.participant.domain.Organization;
import org.techmarket.participant.persistence.Mandates;
import org.techmarket.participant.persistence.Organizations;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Agency;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * Mandates from clients to technology brokers, and brokers acting under them. A client's member proposes a mandate
 * to a broker (an organization of type BROKER, or an individual whose broker qualification an operator recorded);
 * the client's admin confirms it and may revoke it at any time. A broker's user names the client in
 * {@code X-On-Behalf-Of} and acts as the client's member ({@link #actingFor}); every action is then checked against
 * the mandate as it stands in that transaction ({@link #requireGrants}), so a revocation stops the next action.
 */
@Service
public class Mandating implements Brokerage {

    static final int MAX_LIST = 200;

    private final Mandates mandates;
    private final Organizations organizations;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    Mandating(Mandates mandates, Organizations organizations, AuditLog audit, IdGenerator ids, Clock clock) {
        this.mandates = mandates;
        this.organizations = organizations;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a client asks of a broker. */
    public record Proposal(
            String brokerId,
            MandateScope scope,
            Set<MandateAction> actions,
            int basisPoints,
            Money minimum,
            Instant validUntil) {}

    /** A client's member proposes a mandate to a qualified, verified broker; audited as MandateProposed. */
    @Transactional
    public Mandate propose(Actor actor, Proposal proposal) {
        String client = ownOrganization(actor);
        Organization broker = organizations
                .find(required(proposal.brokerId(), "brokerId", 100))
                .orElseThrow(() -> Rejection.invalid(
                        MandateCodes.BROKER_NOT_QUALIFIED, "brokerId", "no organization " + proposal.brokerId()));
        requireQualified(broker);
        Mandate mandate = Mandate.propose(
                ids.newId(),
                broker.id(),
                client,
                proposal.scope(),
                proposal.actions(),
                proposal.basisPoints(),
                proposal.minimum(),
                proposal.validUntil(),
                actor.userId(),
                clock.instant());
        mandates.add(mandate);
        audit.record(actor.auditName(), ParticipantEvents.MandateProposed, subject(mandate), payload(mandate));
        return mandate;
    }

    /** The client's admin confirms a proposed mandate; audited as MandateConfirmed. */
    @Transactional
    public Mandate confirm(Actor actor, String mandateId) {
        Mandate confirmed = clientAdminLocks(actor, mandateId).confirm(clock.instant());
        mandates.update(confirmed);
        audit.record(actor.auditName(), ParticipantEvents.MandateConfirmed, subject(confirmed), payload(confirmed));
        return confirmed;
    }

    /** The client's admin revokes a mandate, at any time; audited as MandateRevoked. */
    @Transactional
    public Mandate revoke(Actor actor, String mandateId) {
        Mandate revoked = clientAdminLocks(actor, mandateId).revoke(clock.instant());
        mandates.update(revoked);
        audit.record(actor.auditName(), ParticipantEvents.MandateRevoked, subject(revoked), payload(revoked));
        return revoked;
    }

    /** A mandate, for the broker's and the client's people, operators and regulators; 404 for anyone else. */
    @Transactional(readOnly = true)
    public Mandate get(Actor actor, String mandateId) {
        return mandates.find(mandateId)
                .filter(m -> actor.seesWholeMarket() || actor.belongsTo(m.brokerId()) || actor.belongsTo(m.clientId()))
                .orElseThrow(() -> Rejection.notFound("Mandate", mandateId));
    }

    /** The mandates the actor's organization gave or took, newest first; operators and regulators see them all. */
    @Transactional(readOnly = true)
    public List<Mandate> list(Actor actor) {
        if (actor.seesWholeMarket()) {
            return mandates.of(Optional.empty(), MAX_LIST);
        }
        return mandates.of(Optional.of(actor.requireOrganization()), MAX_LIST);
    }

    /** An operator records an individual's broker qualification; audited as BrokerQualificationRecorded. */
    @Transactional
    public BrokerQualification recordQualification(
            Actor actor, String organizationId, String number, String issuer, LocalDate issuedOn) {
        actor.requireOperator();
        Organization individual = organizations
                .lock(organizationId)
                .orElseThrow(() -> Rejection.notFound("Organization", organizationId));
        if (individual.type() != OrganizationType.INDIVIDUAL) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_QUALIFICATION,
                    "organizationId",
                    "a broker qualification is an individual's; an organization registers as a BROKER");
        }
        if (issuedOn == null || issuedOn.isAfter(LocalDate.now(clock))) {
            throw Rejection.invalid(MandateCodes.INVALID_QUALIFICATION, "issuedOn", "the date of issue is past");
        }
        var qualification = new BrokerQualification(
                organizationId, required(number, "number", 100), required(issuer, "issuer", 200), issuedOn);
        mandates.recordQualification(qualification, actor.userId(), clock.instant());
        audit.record(
                actor.auditName(),
                ParticipantEvents.BrokerQualificationRecorded,
                "organization:" + organizationId,
                Map.of("number", qualification.number(), "issuer", issuer, "issuedOn", issuedOn.toString()));
        return qualification;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BrokerQualification> qualification(String organizationId) {
        return mandates.qualification(organizationId);
    }

    /**
     * The broker's user acting for {@code clientId} under the newest mandate in force between them; refused with 403
     * NO_MANDATE when there is none at all, and otherwise with why the newest one is not in force (not confirmed,
     * revoked, expired).
     */
    @Transactional(readOnly = true)
    public Actor actingFor(Actor user, String clientId) {
        if (user.agency().isPresent()
                || !user.role().actsForOrganization()
                || user.organizationId().isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN, MandateCodes.NO_MANDATE, "Only a broker's users act for a client");
        }
        String broker = user.organizationId().get();
        Instant now = clock.instant();
        List<Mandate> between = mandates.between(broker, clientId);
        if (between.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    MandateCodes.NO_MANDATE,
                    "Your organization holds no mandate from " + clientId);
        }
        Mandate mandate =
                between.stream().filter(m -> m.inForceAt(now)).findFirst().orElse(between.get(0));
        mandate.requireInForce(now);
        return user.actingFor(new Agency(mandate.id(), broker, clientId));
    }

    /**
     * For an actor acting under a mandate: the mandate, read under a share lock to the end of the caller's
     * transaction, must still be in force and grant {@code action}, and the broker itself must be verified; nothing
     * for an actor acting for its own organization.
     */
    @Transactional
    public Optional<Mandate> requireGrants(Actor actor, MarketAction action) {
        if (actor.agency().isEmpty()) {
            return Optional.empty();
        }
        Agency agency = actor.agency().get();
        Mandate mandate = mandates.lockShared(agency.mandateId())
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.FORBIDDEN, MandateCodes.NO_MANDATE, "No mandate " + agency.mandateId()));
        mandate.requireInForce(clock.instant());
        mandate.requireGrants(action);
        organizations
                .lockShared(agency.brokerId())
                .map(Organization::status)
                .orElseThrow()
                .requirePermits(action);
        return Optional.of(mandate);
    }

    /** As {@link #requireGrants}, and the mandate's scope covers the need, or a new need when {@code needId} is empty. */
    @Transactional
    public void requireGrantsOnNeed(Actor actor, MarketAction action, Optional<String> needId) {
        requireGrants(actor, action).ifPresent(m -> m.requireCoversNeed(needId));
    }

    /** As {@link #requireGrants}, and the mandate's scope covers every one of {@code assetIds}. */
    @Transactional
    public void requireGrants(Actor actor, MarketAction action, Collection<String> assetIds) {
        requireGrants(actor, action).ifPresent(m -> m.requireCoversAssets(assetIds));
    }

    @Override
    @Transactional
    public void actOnListing(Actor actor, MarketAction action, String listingId, Collection<String> assetIds) {
        if (actor.agency().isEmpty()) {
            return;
        }
        requireGrants(actor, action, assetIds);
        Agency agency = actor.agency().get();
        String claimedFor = mandates.claimListing(
                listingId, agency.brokerId(), agency.clientId(), agency.mandateId(), clock.instant());
        if (!claimedFor.equals(agency.clientId())) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    MandateCodes.BROKER_ACTS_FOR_ANOTHER_CLIENT,
                    "Your organization acts for another client on listing " + listingId
                            + "; a broker acts for one client per listing");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BrokerTerms> brokerOn(String listingId, String clientId) {
        return mandates.mandateOn(listingId, clientId)
                .flatMap(mandates::find)
                .map(m -> new BrokerTerms(
                        m.brokerId(),
                        organizations.find(m.brokerId()).map(Organization::name).orElse(m.brokerId()),
                        m.clientId(),
                        m.id(),
                        m.commissionBasisPoints(),
                        m.commissionMinimum()));
    }

    private String ownOrganization(Actor actor) {
        if (actor.agency().isPresent()) {
            throw Rejection.forbidden("A broker does not give or change mandates for its client");
        }
        return actor.requireOrganization();
    }

    private Mandate clientAdminLocks(Actor actor, String mandateId) {
        Mandate mandate = mandates.lock(mandateId)
                .filter(m -> actor.belongsTo(m.brokerId()) || actor.belongsTo(m.clientId()))
                .orElseThrow(() -> Rejection.notFound("Mandate", mandateId));
        if (actor.agency().isPresent() || actor.role() != Role.ORG_ADMIN || !actor.belongsTo(mandate.clientId())) {
            throw Rejection.forbidden("Only the client's admin confirms or revokes its mandate");
        }
        return mandate;
    }

    private static String required(String text, String field, int max) {
        if (text == null
                || text.isBlank()
                || text.length() > max
                || Text.textProblem(text).isPresent()) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, field, "give 1 to " + max + " characters of text");
        }
        return text.strip();
    }

    private void requireQualified(Organization broker) {
        boolean qualified = broker.type() == OrganizationType.BROKER
                || (broker.type() == OrganizationType.INDIVIDUAL
                        && mandates.qualification(broker.id()).isPresent());
        if (!qualified || broker.status() != OrganizationStatus.VERIFIED) {
            throw Rejection.invalid(
                    MandateCodes.BROKER_NOT_QUALIFIED,
                    "brokerId",
                    "a broker is a verified organization of type BROKER or a verified individual with a broker"
                            + " qualification");
        }
    }

    private static String subject(Mandate m) {
        return "mandate:" + m.id();
    }

    private static Map<String, Object> payload(Mandate m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("brokerId", m.brokerId());
        payload.put("clientId", m.clientId());
        payload.put("scope", m.scope().kind().name());
        payload.put("ids", m.scope().sortedIds());
        payload.put("actions", m.actions().stream().sorted().map(Enum::name).toList());
        payload.put("commissionBasisPoints", m.commissionBasisPoints());
        payload.put("commissionMinimum", m.commissionMinimum().decimal());
        payload.put("validUntil", m.validUntil().toString());
        payload.put("status", m.status().name());
        return payload;
    }
}
