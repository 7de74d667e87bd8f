package org.techmarket.listing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Listings as other modules see them. */
public interface ListingCatalog {

    Optional<ListingSummary> find(String listingId);

    /** The titles of the given listings, by id, in one statement: for lists that name the listings they concern. */
    Map<String, String> titles(Collection<String> listingIds);

    /** The {@code limit} newest listings open now, ordered by when they end, as the public sees them. */
    List<OnSale> onSale(int limit);
}
