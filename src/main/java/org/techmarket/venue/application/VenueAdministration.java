package org.techmarket.venue.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.VenueRegistry;
import org.techmarket.participant.VenueSummary;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Text;
import org.techmarket.venue.VenueCodes;
import org.techmarket.venue.domain.FeeSchedule;
import org.techmarket.venue.domain.Rulebook;
import org.techmarket.venue.persistence.VenueTerms;

/**
 * A market administrator opens venues, each with its first fee schedule and rulebook; the administrator or the venue's
 * own operators publish later versions, which apply to listings approved afterwards.
 */
@Service
public class VenueAdministration {

    private final VenueRegistry registry;
    private final VenueTerms terms;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    VenueAdministration(VenueRegistry registry, VenueTerms terms, Regions regions, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.terms = terms;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What opening a venue takes: its name, region and first fee schedule and rulebook. */
    public record NewVenue(String name, String regionCode, ProposedSchedule feeSchedule, ProposedRulebook rulebook) {}

    /** A fee schedule as proposed; checked by {@link FeeSchedule#propose}. */
    public record ProposedSchedule(
            Integer defaultBasisPoints,
            List<FeeSchedule.Rate> rates,
            org.techmarket.shared.Money minimum,
            org.techmarket.shared.Money maximum,
            Integer introducerShareBasisPoints) {}

    /** A rulebook as proposed. */
    public record ProposedRulebook(String title, String text) {}

    /** A venue with its current fee schedule and rulebook. */
    public record VenueDetails(VenueSummary venue, FeeSchedule feeSchedule, Rulebook rulebook) {}

    @Transactional
    public VenueDetails open(Actor actor, NewVenue request) {
        if (!actor.isMarketAdmin()) {
            throw Rejection.forbidden("Only a market administrator may open a venue");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw Rejection.invalid(VenueCodes.INVALID_VENUE_NAME, "name", "a name of 1 to 200 characters");
        }
        Region region = regions.find(request.regionCode() == null ? "" : request.regionCode())
                .filter(r -> r.level() == Region.Level.PROVINCE)
                .orElseThrow(() -> Rejection.invalid(
                        VenueCodes.INVALID_VENUE_REGION, "regionCode", "a GB/T 2260 province code, such as 440000"));
        if (request.feeSchedule() == null) {
            throw Rejection.invalid(VenueCodes.FEE_SCHEDULE_REQUIRED, "feeSchedule", "a fee schedule is required");
        }
        if (request.rulebook() == null) {
            throw Rejection.invalid(VenueCodes.RULEBOOK_REQUIRED, "rulebook", "a rulebook is required");
        }
        FeeSchedule schedule = check(1, request.feeSchedule());
        Rulebook rulebook = Rulebook.publish(
                1, request.rulebook().title(), request.rulebook().text());
        VenueSummary venue = registry.open(actor, Text.name(request.name()), region.code());
        Instant now = now();
        store(actor, venue.id(), schedule, now);
        store(actor, venue.id(), rulebook, now);
        return new VenueDetails(venue, schedule, rulebook);
    }

    /** The next fee schedule of the venue, for listings approved from now on. */
    @Transactional
    public FeeSchedule setFeeSchedule(Actor actor, String venueId, ProposedSchedule proposed) {
        requireVenue(venueId);
        requireAdministers(actor, venueId);
        if (proposed == null) {
            throw Rejection.invalid(VenueCodes.FEE_SCHEDULE_REQUIRED, "feeSchedule", "a fee schedule is required");
        }
        FeeSchedule schedule = check(terms.nextScheduleVersion(venueId), proposed);
        store(actor, venueId, schedule, now());
        return schedule;
    }

    /** The next rulebook of the venue, for listings approved from now on. */
    @Transactional
    public Rulebook publishRulebook(Actor actor, String venueId, ProposedRulebook proposed) {
        requireVenue(venueId);
        requireAdministers(actor, venueId);
        if (proposed == null) {
            throw Rejection.invalid(VenueCodes.RULEBOOK_REQUIRED, "rulebook", "a rulebook is required");
        }
        Rulebook rulebook = Rulebook.publish(terms.nextRulebookVersion(venueId), proposed.title(), proposed.text());
        store(actor, venueId, rulebook, now());
        return rulebook;
    }

    /** Every venue with its current terms: three statements whatever their number. */
    @Transactional(readOnly = true)
    public List<VenueDetails> venues() {
        List<VenueSummary> venues = registry.venues();
        List<String> ids = venues.stream().map(VenueSummary::id).toList();
        Map<String, FeeSchedule> schedules = terms.currentSchedules(ids);
        Map<String, Rulebook> rulebooks = terms.currentRulebooks(ids);
        return venues.stream()
                .map(v -> new VenueDetails(v, schedules.get(v.id()), rulebooks.get(v.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public VenueDetails venue(String venueId) {
        VenueSummary venue = requireVenue(venueId);
        List<String> ids = List.of(venueId);
        return new VenueDetails(
                venue,
                terms.currentSchedules(ids).get(venueId),
                terms.currentRulebooks(ids).get(venueId));
    }

    /** The venue, or 404 NOT_FOUND. */
    VenueSummary requireVenue(String venueId) {
        return registry.venues(List.of(venueId == null ? "" : venueId)).values().stream()
                .findFirst()
                .orElseThrow(() -> Rejection.notFound("Venue", venueId));
    }

    static void requireAdministers(Actor actor, String venueId) {
        if (!actor.isMarketAdmin() && !actor.operates(venueId)) {
            throw Rejection.forbidden("Only the market administrator or the venue's own operators may do this");
        }
    }

    private FeeSchedule check(int version, ProposedSchedule p) {
        return FeeSchedule.propose(
                version, p.defaultBasisPoints(), p.rates(), p.minimum(), p.maximum(), p.introducerShareBasisPoints());
    }

    private void store(Actor actor, String venueId, FeeSchedule schedule, Instant at) {
        terms.add(venueId, schedule, at);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("version", schedule.version());
        payload.put("defaultBasisPoints", schedule.defaultBasisPoints());
        payload.put(
                "rates",
                schedule.rates().stream()
                        .map(r -> r.mechanism() + "/" + r.contractType() + "=" + r.basisPoints())
                        .toList());
        payload.put("minimum", schedule.minimum().decimal());
        payload.put("maximum", schedule.maximum().decimal());
        payload.put("currency", schedule.minimum().currency());
        payload.put("introducerShareBasisPoints", schedule.introducerShareBasisPoints());
        audit.record(actor.auditName(), VenueEvents.FeeScheduleSet, "venue:" + venueId, payload);
    }

    private void store(Actor actor, String venueId, Rulebook rulebook, Instant at) {
        terms.add(venueId, rulebook, at);
        audit.record(
                actor.auditName(),
                VenueEvents.RulebookPublished,
                "venue:" + venueId,
                Map.of("version", rulebook.version(), "title", rulebook.title(), "sha256", rulebook.sha256()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
