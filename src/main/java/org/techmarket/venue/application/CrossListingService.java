package org.techmarket.venue.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.venue.VenueCodes;
import org.techmarket.venue.domain.CrossListing;
import org.techmarket.venue.persistence.CrossListings;

/** A seller asks for its approved listing to be offered on another venue; that venue's operator approves it. */
@Service
public class CrossListingService {

    /** The listing statuses in which a listing has been approved on its own venue and still stands. */
    static final Set<String> APPROVED = Set.of("APPROVED", "PUBLISHED", "OPEN");

    private final ListingCatalog listings;
    private final CrossListings crossListings;
    private final VenueAdministration venues;
    private final AuditLog audit;
    private final Clock clock;

    CrossListingService(
            ListingCatalog listings,
            CrossListings crossListings,
            VenueAdministration venues,
            AuditLog audit,
            Clock clock) {
        this.listings = listings;
        this.crossListings = crossListings;
        this.venues = venues;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CrossListing request(Actor actor, String venueId, String listingId) {
        venues.requireVenue(venueId);
        ListingSummary listing = listings.find(listingId == null ? "" : listingId)
                .orElseThrow(() -> Rejection.notFound("Listing", listingId));
        if (!actor.belongsTo(listing.sellerId())) {
            throw Rejection.forbidden("Only the listing's seller may ask for it to be cross-listed");
        }
        if (!APPROVED.contains(listing.status())) {
            throw Rejection.conflict(
                    VenueCodes.LISTING_NOT_APPROVED,
                    "Listing " + listingId + " is " + listing.status()
                            + ": only a standing approved listing is cross-listed");
        }
        CrossListing requested = CrossListing.request(
                listingId,
                venueId,
                listing.venueId(),
                actor.auditName(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!crossListings.add(requested)) {
            throw Rejection.conflict(
                    VenueCodes.ALREADY_CROSS_LISTED, "Listing " + listingId + " was already put to this venue");
        }
        audit.record(
                actor.auditName(),
                VenueEvents.CrossListingRequested,
                "listing:" + listingId,
                Map.of("venueId", venueId, "listingVenueId", listing.venueId()));
        return requested;
    }

    @Transactional
    public CrossListing approve(Actor actor, String venueId, String listingId) {
        venues.requireVenue(venueId);
        if (!actor.operates(venueId)) {
            throw Rejection.forbidden("Only the venue's own operators approve a cross-listing on it");
        }
        CrossListing requested = crossListings
                .lock(listingId, venueId)
                .orElseThrow(() -> Rejection.conflict(
                        VenueCodes.CROSS_LISTING_NOT_REQUESTED,
                        "Listing " + listingId + " was not put to this venue by its seller"));
        ListingSummary listing = listings.find(listingId).orElseThrow(() -> Rejection.notFound("Listing", listingId));
        if (!APPROVED.contains(listing.status())) {
            throw Rejection.conflict(
                    VenueCodes.LISTING_NOT_APPROVED, "Listing " + listingId + " is " + listing.status());
        }
        CrossListing approved =
                requested.approve(actor.auditName(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        crossListings.approve(approved);
        audit.record(
                actor.auditName(),
                VenueEvents.CrossListingApproved,
                "listing:" + listingId,
                Map.of("venueId", venueId, "listingVenueId", approved.listingVenueId()));
        return approved;
    }

    /** The venue's cross-listings, both ways, newest first. */
    @Transactional(readOnly = true)
    public List<CrossListing> ofVenue(String venueId, int limit) {
        venues.requireVenue(venueId);
        return crossListings.ofVenue(venueId, limit);
    }
}
