package org.techmarket.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

/**
 * A sale was decided: an auction awarded, a Dutch price accepted, a fixed price paid or an offer accepted. Published
 * once with the award, delivered after it commits; the deal module opens the deal from it, except a negotiation's,
 * which opens from the acceptance that carries the agreed payment. The winner's deposit stays held under
 * {@code depositHoldId} and counts towards the price; the runner-up (auctions only) may be offered the deal if the
 * winner defaults.
 */
public record ListingAwarded(
        String listingId,
        String venueId,
        String sellerId,
        String buyerId,
        List<String> assetIds,
        GrantKind offeredKind,
        Optional<GrantScope> licenceScope,
        Money price,
        Optional<String> depositHoldId,
        Optional<RunnerUp> runnerUp,
        String mechanism,
        Instant awardedAt) {

    public ListingAwarded {
        assetIds = List.copyOf(assetIds);
    }

    /** The second-best bidder and the price they last offered. */
    public record RunnerUp(String bidderId, Money price) {}
}
