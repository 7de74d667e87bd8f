package org.techmarket.listing.application;

import java.util.Optional;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.listing.ListingMilestone.Stage;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingEvent;
import org.techmarket.listing.domain.ListingEvent.BidTaken;
import org.techmarket.listing.domain.ListingEvent.ListingAwarded;
import org.techmarket.listing.domain.ListingEvent.ListingPublished;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.shared.Money;

/** Which of a listing's events pass a stage of the funnel: its publication, its first bid and its award. */
final class ListingMilestones {

    private ListingMilestones() {}

    /** The milestone {@code event} marks on the listing as the step left it, if any. */
    static Optional<ListingMilestone> of(Listing listing, ListingEvent event) {
        if (event instanceof ListingPublished) {
            return Optional.of(milestone(listing, Stage.LISTED, Optional.empty()));
        }
        if (event instanceof BidTaken && listing.bidCount() == 1) {
            return Optional.of(milestone(listing, Stage.BID_ON, Optional.empty()));
        }
        if (event instanceof ListingAwarded awarded) {
            return Optional.of(milestone(listing, Stage.AWARDED, Optional.of(awarded.price())));
        }
        return Optional.empty();
    }

    private static ListingMilestone milestone(Listing listing, Stage stage, Optional<Money> price) {
        Mechanism mechanism = listing.mechanism();
        return new ListingMilestone(
                listing.id(),
                stage,
                mechanism.type().name(),
                listing.assetIds(),
                mechanism.startPrice(),
                Optional.ofNullable(mechanism.reservePrice()),
                listing.startsAt(),
                price,
                listing.updatedAt());
    }
}
