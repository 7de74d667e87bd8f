package org.techmarket.listing;

import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * The sale of one listing as a page shows and drives it: the same reads and the same bids, acceptances and
 * purchases as the API, refused with the same codes.
 */
public interface Sales {

    /** The newest lines of a bid history a sale page shows. */
    int HISTORY = 20;

    /**
     * The sale as {@code viewer} (empty: anyone) sees it now, in a constant number of statements whatever the
     * number of bids; 404 when the viewer may not see the listing.
     */
    Sale sale(Optional<Actor> viewer, String listingId);

    /** The listing's version, which moves with every change of the sale; 404 when there is no such listing. */
    long version(String listingId);

    /** A bid of {@code amount}, with a secret proxy {@code maximum} on an English auction. */
    Sale bid(Actor bidder, String listingId, Money amount, Optional<Money> maximum);

    /** Takes a Dutch clock's price at this instant. */
    Sale accept(Actor bidder, String listingId);

    /** Buys a fixed-price listing at its price. */
    Sale buy(Actor buyer, String listingId);
}
