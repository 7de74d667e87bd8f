package org.techmarket.deal.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.ListingSales;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.persistence.Deals;

/** What the deals struck on a listing came to: a listing whose every deal ended uncompleted sold nothing. */
@Service
class ListingOutcomes implements ListingSales {

    private static final Set<DealStatus> ENDED_UNCOMPLETED = EnumSet.of(DealStatus.CANCELLED, DealStatus.DEFAULTED);

    private final Deals deals;

    ListingOutcomes(Deals deals) {
        this.deals = deals;
    }

    @Override
    @Transactional
    public boolean endedWithoutCompletion(String listingId) {
        List<DealStatus> statuses = deals.lockStatusesOnListing(listingId);
        return !statuses.isEmpty() && ENDED_UNCOMPLETED.containsAll(statuses);
    }
}
