package org.techmarket.listing;

import java.util.List;
import java.util.Optional;

/** Listings as other modules see them. */
public interface ListingCatalog {

    Optional<ListingSummary> find(String listingId);

    /** The {@code limit} newest listings open now, ordered by when they end, as the public sees them. */
    List<OnSale> onSale(int limit);
}
