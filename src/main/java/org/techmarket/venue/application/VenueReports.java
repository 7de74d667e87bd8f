package org.techmarket.venue.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Jurisdictions;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.venue.VenueCodes;
import org.techmarket.venue.domain.CrossListing;
import org.techmarket.venue.domain.Rulebook;
import org.techmarket.venue.persistence.CrossListings;
import org.techmarket.venue.persistence.FeePayments;
import org.techmarket.venue.persistence.ListingTerms;
import org.techmarket.venue.persistence.PublicEventFeed;
import org.techmarket.venue.persistence.VenueFigures;
import org.techmarket.venue.persistence.VenueTerms;

/** What a venue reads about itself: its fee statement, its figures, a listing's terms, and its public events. */
@Service
public class VenueReports {

    static final int STATEMENT_LINES = 1000;

    private final VenueAdministration venues;
    private final FeePayments payments;
    private final VenueFigures figures;
    private final ListingTerms listingTerms;
    private final VenueTerms terms;
    private final CrossListings crossListings;
    private final PublicEventFeed feed;

    private final Jurisdictions jurisdictions;

    VenueReports(
            VenueAdministration venues,
            FeePayments payments,
            VenueFigures figures,
            ListingTerms listingTerms,
            VenueTerms terms,
            CrossListings crossListings,
            PublicEventFeed feed,
            Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
        this.venues = venues;
        this.payments = payments;
        this.figures = figures;
        this.listingTerms = listingTerms;
        this.terms = terms;
        this.crossListings = crossListings;
        this.feed = feed;
    }

    /** A venue's fees in {@code [from, to)}: each payment, its part of it, and the totals in CNY. */
    public record FeeStatement(
            String venueId,
            Instant from,
            Instant to,
            List<FeePayments.Line> lines,
            Money asListingVenue,
            Money asIntroducer,
            Money total,
            long payments) {}

    @Transactional(readOnly = true)
    public FeeStatement feeStatement(Actor actor, String venueId, Instant from, Instant to) {
        requireInJurisdiction(actor, venueId);
        requireReader(actor, venueId);
        if (!from.isBefore(to)) {
            throw Rejection.invalid(
                    VenueCodes.INVALID_STATEMENT_PERIOD, "from", "the period's start is before its end");
        }
        List<FeePayments.Line> lines = payments.statement(venueId, from, to, STATEMENT_LINES);
        FeePayments.Totals totals = payments.totals(venueId, Money.DEFAULT_CURRENCY, from, to);
        return new FeeStatement(
                venueId,
                from,
                to,
                lines,
                Money.cny(totals.asListingVenueFen()),
                Money.cny(totals.asIntroducerFen()),
                Money.cny(totals.asListingVenueFen() + totals.asIntroducerFen()),
                totals.payments());
    }

    @Transactional(readOnly = true)
    public VenueFigures.Figures figures(Actor actor, String venueId) {
        requireInJurisdiction(actor, venueId);
        return figures.of(venueId);
    }

    /** The terms a listing was approved under and the venues it is offered on. */
    public record ListingVenueTerms(
            ListingTerms.Terms terms, Optional<String> rulebookSha256, List<CrossListing> crossListings) {}

    @Transactional(readOnly = true)
    public ListingVenueTerms listingTerms(String listingId) {
        ListingTerms.Terms found =
                listingTerms.find(listingId).orElseThrow(() -> Rejection.notFound("Listing terms", listingId));
        Optional<String> hash =
                terms.rulebook(found.venueId(), found.rulebookVersion()).map(Rulebook::sha256);
        return new ListingVenueTerms(found, hash, crossListings.ofListing(listingId));
    }

    @Transactional(readOnly = true)
    public List<PublicEventFeed.Entry> events(String venueId, long after, int limit) {
        venues.requireVenue(venueId);
        return feed.after(venueId, after, limit);
    }

    /** The venue's own operators, the market administrator and regulators read a venue's books. */
    static void requireReader(Actor actor, String venueId) {
        if (!actor.operates(venueId) && !actor.isMarketAdmin() && !actor.isRegulator()) {
            throw Rejection.forbidden("Only the venue's operators, the market administrator and regulators read this");
        }
    }

    // a regulator limited to some provinces reads the figures of the venues of those provinces only
    private void requireInJurisdiction(Actor actor, String venueId) {
        jurisdictions.requireProvince(actor, venues.requireVenue(venueId).region());
    }
}
