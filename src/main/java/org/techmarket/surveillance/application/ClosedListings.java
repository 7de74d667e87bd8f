package org.techmarket.surveillance.application;

import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.listing.ListingEnded;
import org.techmarket.surveillance.persistence.MarketRecords;

/**
 * After every close (a listing AWARDED or UNSOLD) the detectors run over the seller's auctions and those its bidders
 * took part in. Delivered after the close commits, at least once; a repeated delivery finds the same findings and
 * raises nothing new.
 */
@Component
class ClosedListings {

    private static final Set<String> CLOSES = Set.of("AWARDED", "UNSOLD");

    private final MarketRecords market;
    private final Watch watch;

    ClosedListings(MarketRecords market, Watch watch) {
        this.market = market;
        this.watch = watch;
    }

    // The id names the listener in stored publications, so it stays the same when the method is renamed.
    @ApplicationModuleListener(id = "surveillance.close.listing-ended")
    void on(ListingEnded ended) {
        if (CLOSES.contains(ended.status())) {
            market.sellerOf(ended.listingId()).ifPresent(watch::watchAfterClose);
        }
    }
}
