package org.techmarket.listing;

import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;

/** What other modules may know of a listing: who sells what, under which mechanism, and where it stands. */
public record ListingSummary(
        String id,
        String venueId,
        String sellerId,
        String title,
        List<String> assetIds,
        GrantKind offeredKind,
        Optional<GrantScope> licenceScope,
        String mechanism,
        String status) {

    public ListingSummary {
        assetIds = List.copyOf(assetIds);
    }
}
