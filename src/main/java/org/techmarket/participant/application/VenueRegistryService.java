package org.techmarket.participant.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.VenueRegistry;
import org.techmarket.participant.VenueSummary;
import org.techmarket.participant.domain.Venue;
import org.techmarket.participant.persistence.Organizations;
import org.techmarket.participant.persistence.Venues;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/** Venues beyond the default one: opened by a market administrator, who also appoints their first operators. */
@Service
class VenueRegistryService implements VenueRegistry {

    private final Venues venues;
    private final Organizations organizations;
    private final RegistrationService registrations;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    VenueRegistryService(
            Venues venues,
            Organizations organizations,
            RegistrationService registrations,
            AuditLog audit,
            IdGenerator ids,
            Clock clock) {
        this.venues = venues;
        this.organizations = organizations;
        this.registrations = registrations;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public VenueSummary open(Actor marketAdmin, String name, String region) {
        if (!marketAdmin.isMarketAdmin()) {
            throw Rejection.forbidden("Only a market administrator may open a venue");
        }
        String id = ids.newId();
        // The code is only unique; the id serves, since venues opened here are named by their id.
        Venue venue = new Venue(id, id, name, region);
        venues.add(venue, clock.instant());
        audit.record(
                marketAdmin.auditName(),
                ParticipantEvents.VenueOpened,
                "venue:" + venue.id(),
                Map.of("code", venue.code(), "name", venue.name(), "region", venue.region()));
        return summary(venue);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VenueSummary> venues() {
        return venues.all().stream().map(VenueRegistryService::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, VenueSummary> venues(Collection<String> ids) {
        return venues.findAll(ids).stream()
                .map(VenueRegistryService::summary)
                .collect(Collectors.toMap(VenueSummary::id, Function.identity()));
    }

    @Override
    @Transactional
    public String addOperator(Actor marketAdmin, String venueId, Onboarding.NewUser operator) {
        if (venues.find(venueId).isEmpty()) {
            throw Rejection.notFound("Venue", venueId);
        }
        return registrations.addVenueOperator(marketAdmin, venueId, operator).id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> verifyingVenue(String organizationId) {
        return organizations.verifyingVenue(organizationId);
    }

    private static VenueSummary summary(Venue v) {
        return new VenueSummary(v.id(), v.code(), v.name(), v.region());
    }
}
