package org.techmarket.listing;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/**
 * A listing open now, as anyone may see it: what is offered and by whom, how it is sold, the price to beat (the current price,
 * or the asking or start price before any bid; empty while sealed bids are secret), the bids so far (empty while
 * secret) and when it ends.
 */
public record OnSale(
        String id,
        String title,
        String sellerId,
        String mechanism,
        GrantKind offeredKind,
        Optional<Money> price,
        Optional<Long> bids,
        Instant endsAt) {}
