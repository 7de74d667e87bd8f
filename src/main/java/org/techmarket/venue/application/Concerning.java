package org.techmarket.venue.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.Participants;
import org.techmarket.participant.VenueRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.venue.VenueCodes;
import org.techmarket.venue.persistence.Concerns;
import org.techmarket.venue.persistence.Concerns.Concern;

/**
 * Every venue relies on the one verification of an organization; an operator of another venue who doubts it raises a
 * concern, recorded and audited, which the verifying venue's operators see.
 */
@Service
public class Concerning {

    private final Participants participants;
    private final VenueRegistry registry;
    private final Concerns concerns;
    private final VenueAdministration venues;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    Concerning(
            Participants participants,
            VenueRegistry registry,
            Concerns concerns,
            VenueAdministration venues,
            AuditLog audit,
            IdGenerator ids,
            Clock clock) {
        this.participants = participants;
        this.registry = registry;
        this.concerns = concerns;
        this.venues = venues;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Concern raise(Actor actor, String organizationId, String reason) {
        actor.requireOperator();
        String venue = actor.venueId().orElseThrow(() -> Rejection.forbidden("A concern is raised by a venue"));
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw Rejection.invalid(ParticipantCodes.REASON_REQUIRED, "reason", "a reason of 1 to 2000 characters");
        }
        participants.requireOrganization(organizationId, "organizationId");
        String verifying = registry.verifyingVenue(organizationId)
                .orElseThrow(() -> Rejection.conflict(
                        ParticipantCodes.ORGANIZATION_NOT_VERIFIED,
                        "Organization " + organizationId + " has not been verified by any venue"));
        if (verifying.equals(venue)) {
            throw Rejection.conflict(
                    VenueCodes.CONCERN_ON_OWN_VERIFICATION,
                    "Your venue verified this organization: review it rather than raise a concern");
        }
        Concern concern = new Concern(
                ids.newId(),
                organizationId,
                verifying,
                venue,
                actor.auditName(),
                reason.strip(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        concerns.add(concern);
        audit.record(
                actor.auditName(),
                VenueEvents.VerificationConcernRaised,
                "organization:" + organizationId,
                Map.of(
                        "concernId",
                        concern.id(),
                        "verifyingVenueId",
                        verifying,
                        "raisedByVenueId",
                        venue,
                        "reason",
                        concern.reason()));
        return concern;
    }

    /** The concerns about the venue's verifications and those it raised: its operators, the administrator, regulators. */
    @Transactional(readOnly = true)
    public List<Concern> ofVenue(Actor actor, String venueId, int limit) {
        venues.requireVenue(venueId);
        VenueReports.requireReader(actor, venueId);
        return concerns.ofVenue(venueId, limit);
    }
}
