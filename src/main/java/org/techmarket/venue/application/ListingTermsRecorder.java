package org.techmarket.venue.application;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.venue.persistence.ListingTerms;
import org.techmarket.venue.persistence.VenueTerms;

/**
 * Records, for every listing its venue approves, the fee schedule and rulebook versions in force at the approval's
 * instant: a version published after it applies only to listings approved later, however late this runs.
 */
@Component
class ListingTermsRecorder {

    private final ListingCatalog listings;
    private final VenueTerms terms;
    private final ListingTerms listingTerms;

    ListingTermsRecorder(ListingCatalog listings, VenueTerms terms, ListingTerms listingTerms) {
        this.listings = listings;
        this.terms = terms;
        this.listingTerms = listingTerms;
    }

    // Only a publication fixes terms: other milestones are not delivered here at all (no publication to record).
    @ApplicationModuleListener(id = "venue.record.listing-terms", condition = "#milestone.stage().name() == 'LISTED'")
    void recordTerms(ListingMilestone milestone) {
        listings.find(milestone.listingId()).ifPresent(listing -> {
            VenueTerms.Versions versions = terms.inForce(listing.venueId(), milestone.at());
            listingTerms.record(new ListingTerms.Terms(
                    listing.id(), listing.venueId(), versions.feeSchedule(), versions.rulebook(), milestone.at()));
        });
    }
}
