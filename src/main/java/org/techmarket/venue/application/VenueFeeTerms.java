package org.techmarket.venue.application;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealFees;
import org.techmarket.participant.VenueRegistry;
import org.techmarket.venue.domain.FeeSchedule;
import org.techmarket.venue.persistence.CrossListings;
import org.techmarket.venue.persistence.FeePayments;
import org.techmarket.venue.persistence.ListingTerms;
import org.techmarket.venue.persistence.VenueTerms;

/**
 * A deal's fee by its venue's schedule: the version its listing was approved under (or, for a deal without a listing,
 * the version in force now), the rate for its mechanism and contract type, the minimum and maximum. A buyer verified
 * by another venue on which the listing is cross-listed came through that venue, which takes the schedule's
 * introducer share of the fee.
 */
@Component
class VenueFeeTerms implements DealFees {

    private final ListingTerms listingTerms;
    private final VenueTerms terms;
    private final CrossListings crossListings;
    private final VenueRegistry registry;
    private final FeePayments payments;
    private final Clock clock;

    VenueFeeTerms(
            ListingTerms listingTerms,
            VenueTerms terms,
            CrossListings crossListings,
            VenueRegistry registry,
            FeePayments payments,
            Clock clock) {
        this.listingTerms = listingTerms;
        this.terms = terms;
        this.crossListings = crossListings;
        this.registry = registry;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public Optional<FeeTerms> termsFor(DealFeeQuery deal) {
        int version = deal.listingId()
                .flatMap(listingTerms::find)
                .map(ListingTerms.Terms::feeScheduleVersion)
                .orElseGet(() -> terms.inForce(deal.venueId(), clock.instant()).feeSchedule());
        if (version == 0) {
            return Optional.empty();
        }
        FeeSchedule schedule = terms.schedule(deal.venueId(), version).orElseThrow();
        Optional<String> introducer = deal.listingId()
                .flatMap(listing -> registry.verifyingVenue(deal.buyerId())
                        .filter(venue -> !venue.equals(deal.venueId()))
                        .filter(venue -> crossListings.approvedOn(listing, venue)));
        return Optional.of(new FeeTerms(
                schedule.basisPointsFor(deal.mechanism(), deal.contractType()),
                schedule.minimum().minor(),
                schedule.maximum().minor(),
                introducer,
                schedule.introducerShareBasisPoints()));
    }

    @Override
    public void feePaid(FeePaid paid) {
        payments.add(paid);
    }
}
