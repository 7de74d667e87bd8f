package org.techmarket.deal;

import java.util.Collection;
import java.util.List;

/** The market's completed deals, read as comparable transactions by those who value assets. */
public interface ComparableDeals {

    /**
     * The completed deals, at most {@code limit}, that granted a right in exactly one of {@code assetIds} for a price
     * in {@code currency}, the most recently struck first; in one statement. A deal later terminated still counts: its
     * price was paid. A deal on several assets does not: its price tells no one asset's.
     */
    List<CompletedDeal> completedOn(Collection<String> assetIds, String currency, int limit);
}
