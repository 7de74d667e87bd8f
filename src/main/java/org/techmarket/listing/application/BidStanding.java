package org.techmarket.listing.application;

import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.Outcome;

/**
 * Where a bidder stands on a listing it has bid on: leading or outbid while the sale runs, SEALED while a sealed sale
 * keeps every bid secret, and WON or LOST once it has ended (a sale ended without an award to the bidder is lost).
 */
public enum BidStanding {
    LEADING,
    OUTBID,
    SEALED,
    WON,
    LOST;

    /** The bidder's standing on the listing as the sale's public view shows it now. */
    static BidStanding of(String bidderId, Listing listing, AuctionView view) {
        if (view.outcome().isPresent() || listing.status() != ListingStatus.OPEN) {
            boolean won = view.outcome()
                    .filter(o ->
                            o instanceof Outcome.Award award && award.winnerId().equals(bidderId))
                    .isPresent();
            return won ? WON : LOST;
        }
        if (listing.isSealed()) {
            return SEALED;
        }
        return view.isLeading(bidderId) ? LEADING : OUTBID;
    }
}
