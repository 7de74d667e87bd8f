package org.techmarket.participant.application;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.domain.Venue;
import org.techmarket.participant.persistence.Venues;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;

/** Keeps the default venue: every new organization registers with it until more venues join. */
@Service
public class VenueService {

    static final String DEFAULT_CODE = "default";

    private final Venues venues;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final String defaultName;
    private final String defaultRegion;

    VenueService(
            Venues venues,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            @Value("${techmarket.venue.name:techmarket 技术交易市场}") String defaultName,
            @Value("${techmarket.venue.region:110000}") String defaultRegion) {
        this.venues = venues;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.defaultName = defaultName;
        this.defaultRegion = defaultRegion;
    }

    /** The default venue, created on first use. */
    @Transactional
    public Venue defaultVenue() {
        return venues.findByCode(DEFAULT_CODE).orElseGet(() -> {
            Venue venue = new Venue(ids.newId(), DEFAULT_CODE, defaultName, defaultRegion);
            venues.add(venue, clock.instant());
            audit.record(
                    Actor.SYSTEM.auditName(),
                    ParticipantEvents.VenueOpened,
                    "venue:" + venue.id(),
                    Map.of("code", venue.code(), "name", venue.name(), "region", venue.region()));
            return venue;
        });
    }
}
