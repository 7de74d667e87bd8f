package org.techmarket.venue.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.VenueRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.venue.application.Concerning;
import org.techmarket.venue.application.CrossListingService;
import org.techmarket.venue.application.VenueAdministration;
import org.techmarket.venue.application.VenueAdministration.NewVenue;
import org.techmarket.venue.application.VenueAdministration.ProposedRulebook;
import org.techmarket.venue.application.VenueAdministration.ProposedSchedule;
import org.techmarket.venue.application.VenueAdministration.VenueDetails;
import org.techmarket.venue.application.VenueReports;
import org.techmarket.venue.domain.CrossListing;
import org.techmarket.venue.domain.FeeSchedule;
import org.techmarket.venue.domain.Rulebook;
import org.techmarket.venue.persistence.Concerns.Concern;
import org.techmarket.venue.persistence.FeePayments;
import org.techmarket.venue.persistence.PublicEventFeed;
import org.techmarket.venue.persistence.VenueFigures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Venues over HTTP: the market administrator opens them; their operators publish fee schedules and rulebooks,
 * approve cross-listings and raise concerns; anyone reads venues, their figures and their public events.
 */
@RestController
class VenueController {

    private static final String VENUE = "/api/v1/venues/{id}";

    private final VenueAdministration administration;
    private final VenueRegistry registry;
    private final CrossListingService crossListing;
    private final Concerning concerning;
    private final VenueReports reports;
    private final JsonMapper json;

    VenueController(
            VenueAdministration administration,
            VenueRegistry registry,
            CrossListingService crossListing,
            Concerning concerning,
            VenueReports reports,
            JsonMapper json) {
        this.administration = administration;
        this.registry = registry;
        this.crossListing = crossListing;
        this.concerning = concerning;
        this.reports = reports;
        this.json = json;
    }

    record ScheduleView(
            int version,
            int defaultBasisPoints,
            List<FeeSchedule.Rate> rates,
            Money minimum,
            Money maximum,
            int introducerShareBasisPoints) {
        static ScheduleView of(FeeSchedule s) {
            return s == null
                    ? null
                    : new ScheduleView(
                            s.version(),
                            s.defaultBasisPoints(),
                            s.rates(),
                            s.minimum(),
                            s.maximum(),
                            s.introducerShareBasisPoints());
        }
    }

    record RulebookView(int version, String title, String sha256, String text) {
        static RulebookView of(Rulebook r, boolean withText) {
            return r == null ? null : new RulebookView(r.version(), r.title(), r.sha256(), withText ? r.text() : null);
        }
    }

    record VenueView(
            String id, String code, String name, String regionCode, ScheduleView feeSchedule, RulebookView rulebook) {
        static VenueView of(VenueDetails d, boolean withText) {
            return new VenueView(
                    d.venue().id(),
                    d.venue().code(),
                    d.venue().name(),
                    d.venue().region(),
                    ScheduleView.of(d.feeSchedule()),
                    RulebookView.of(d.rulebook(), withText));
        }
    }

    record VenueList(List<VenueView> items) {}

    @PostMapping("/api/v1/venues")
    ResponseEntity<VenueView> open(@AuthenticationPrincipal Actor actor, @RequestBody NewVenue request) {
        VenueView view = VenueView.of(administration.open(actor, request), true);
        return ResponseEntity.created(URI.create("/api/v1/venues/" + view.id())).body(view);
    }

    @GetMapping("/api/v1/venues")
    VenueList venues() {
        return new VenueList(administration.venues().stream()
                .map(d -> VenueView.of(d, false))
                .toList());
    }

    @GetMapping(VENUE)
    VenueView venue(@PathVariable String id) {
        return VenueView.of(administration.venue(id), true);
    }

    @PostMapping(VENUE + "/fee-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView setFeeSchedule(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ProposedSchedule request) {
        return ScheduleView.of(administration.setFeeSchedule(actor, id, request));
    }

    @PostMapping(VENUE + "/rulebooks")
    @ResponseStatus(HttpStatus.CREATED)
    RulebookView publishRulebook(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ProposedRulebook request) {
        return RulebookView.of(administration.publishRulebook(actor, id, request), false);
    }

    record OperatorRequest(String username, String password, String displayName) {}

    record OperatorAdded(String userId, String venueId) {}

    @PostMapping(VENUE + "/operators")
    @ResponseStatus(HttpStatus.CREATED)
    OperatorAdded addOperator(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody OperatorRequest request) {
        String userId = registry.addOperator(
                actor, id, new Onboarding.NewUser(request.username(), request.password(), request.displayName()));
        return new OperatorAdded(userId, id);
    }

    record CrossListingRequest(String listingId) {}

    record CrossListingView(
            String listingId,
            String venueId,
            String listingVenueId,
            String status,
            Instant requestedAt,
            Optional<Instant> approvedAt) {
        static CrossListingView of(CrossListing c) {
            return new CrossListingView(
                    c.listingId(),
                    c.venueId(),
                    c.listingVenueId(),
                    c.isApproved() ? "APPROVED" : "REQUESTED",
                    c.requestedAt(),
                    c.approvedAt());
        }
    }

    record CrossListingList(List<CrossListingView> items) {}

    @PostMapping(VENUE + "/cross-listings")
    @ResponseStatus(HttpStatus.CREATED)
    CrossListingView requestCrossListing(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody CrossListingRequest request) {
        return CrossListingView.of(crossListing.request(actor, id, request.listingId()));
    }

    @PostMapping(VENUE + "/cross-listings/{listingId}/approval")
    CrossListingView approveCrossListing(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String listingId) {
        return CrossListingView.of(crossListing.approve(actor, id, listingId));
    }

    @GetMapping(VENUE + "/cross-listings")
    CrossListingList crossListings(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        return new CrossListingList(crossListing.ofVenue(id, Cursor.limit(limit)).stream()
                .map(CrossListingView::of)
                .toList());
    }

    record ListingTermsView(
            String listingId,
            String venueId,
            int feeScheduleVersion,
            int rulebookVersion,
            Optional<String> rulebookSha256,
            Instant approvedAt,
            List<CrossListingView> crossListings) {}

    @GetMapping("/api/v1/listings/{id}/venue-terms")
    ListingTermsView listingTerms(@PathVariable String id) {
        var found = reports.listingTerms(id);
        var t = found.terms();
        return new ListingTermsView(
                t.listingId(),
                t.venueId(),
                t.feeScheduleVersion(),
                t.rulebookVersion(),
                found.rulebookSha256(),
                t.approvedAt(),
                found.crossListings().stream().map(CrossListingView::of).toList());
    }

    record ConcernRequest(String reason) {}

    record ConcernList(List<Concern> items) {}

    @PostMapping("/api/v1/organizations/{id}/concerns")
    @ResponseStatus(HttpStatus.CREATED)
    Concern raiseConcern(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ConcernRequest request) {
        return concerning.raise(actor, id, request.reason());
    }

    @GetMapping(VENUE + "/concerns")
    ConcernList concerns(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) Integer limit) {
        return new ConcernList(concerning.ofVenue(actor, id, Cursor.limit(limit)));
    }

    record StatementLine(
            String dealId,
            String role,
            Money fee,
            Money toVenue,
            String listingVenueId,
            Optional<String> introducingVenueId,
            Instant paidAt) {
        static StatementLine of(FeePayments.Line l) {
            return new StatementLine(
                    l.dealId(),
                    l.role(),
                    Money.of(l.feeFen(), l.currency()),
                    Money.of(l.toVenueFen(), l.currency()),
                    l.listingVenueId(),
                    l.introducingVenueId(),
                    l.paidAt());
        }
    }

    record FeeStatementView(
            String venueId,
            Instant from,
            Instant to,
            List<StatementLine> lines,
            Money asListingVenue,
            Money asIntroducer,
            Money total,
            long payments) {}

    @GetMapping(VENUE + "/fee-statement")
    FeeStatementView feeStatement(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam Instant from,
            @RequestParam Instant to) {
        var s = reports.feeStatement(actor, id, from, to);
        return new FeeStatementView(
                s.venueId(),
                s.from(),
                s.to(),
                s.lines().stream().map(StatementLine::of).toList(),
                s.asListingVenue(),
                s.asIntroducer(),
                s.total(),
                s.payments());
    }

    record FiguresView(
            String venueId,
            long listingsApproved,
            long crossListedHere,
            long crossListedElsewhere,
            long concernsReceived,
            long dealsCharged,
            long dealsIntroduced,
            Money feesAsListingVenue,
            Money feesAsIntroducer) {}

    @GetMapping(VENUE + "/statistics")
    FiguresView statistics(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        VenueFigures.Figures f = reports.figures(actor, id);
        return new FiguresView(
                id,
                f.listingsApproved(),
                f.crossListedHere(),
                f.crossListedElsewhere(),
                f.concernsReceived(),
                f.dealsCharged(),
                f.dealsIntroduced(),
                Money.cny(f.feesAsListingVenueFen()),
                Money.cny(f.feesAsIntroducerFen()));
    }

    record EventView(long seq, String type, String subject, JsonNode data, Instant at) {}

    record EventPage(List<EventView> items, long next) {}

    /** The venue's public events after the cursor {@code after}; {@code next} is the cursor to ask with next time. */
    @GetMapping(VENUE + "/events")
    EventPage events(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        List<PublicEventFeed.Entry> entries = reports.events(id, after, Cursor.limit(limit));
        List<EventView> items = entries.stream()
                .map(e -> new EventView(e.seq(), e.type(), e.subject(), json.readTree(e.data()), e.at()))
                .toList();
        return new EventPage(
                items, items.isEmpty() ? after : items.get(items.size() - 1).seq());
    }
}
