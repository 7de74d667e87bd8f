package org.techmarket.listing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.ReadsTogether;

/** Listings as other modules see them. */
public interface ListingCatalog {

    Optional<ListingSummary> find(String listingId);

    /** The titles of the given listings, by id, in one statement: for lists that name the listings they concern. */
    Map<String, String> titles(Collection<String> listingIds);

    /** The {@code limit} newest listings open now, ordered by when they end, as the public sees them. */
    List<OnSale> onSale(int limit);

    /** As {@link #onSale(int)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<List<OnSale>> onSale(int limit, ReadsTogether.Batch batch);
}
