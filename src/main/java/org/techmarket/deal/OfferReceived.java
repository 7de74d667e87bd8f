package org.techmarket.deal;

import java.time.Instant;
import org.techmarket.shared.Money;

/**
 * An offer (a first offer or a counter) was made on a negotiated listing and awaits an answer from
 * {@code recipientId} by {@code deadline}. Published in the offer's transaction.
 */
public record OfferReceived(
        String offerId,
        String listingId,
        String recipientId,
        String madeBy,
        int round,
        Money price,
        Instant deadline,
        Instant madeAt) {}
