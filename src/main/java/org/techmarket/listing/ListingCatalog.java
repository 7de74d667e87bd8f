package org.techmarket.listing;

import java.util.Optional;

/** Listings as other modules see them. */
public interface ListingCatalog {

    Optional<ListingSummary> find(String listingId);
}
