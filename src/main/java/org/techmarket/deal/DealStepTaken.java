package org.techmarket.deal;

import java.time.Instant;
import java.util.Optional;

/**
 * A deal took a step of its lifecycle: {@code step} is the name the deal's history gives it (e.g.
 * {@code DealSigned}), {@code status} where it left the deal, {@code byOrganization} the party whose act it was when
 * the step is one party's (a signature), {@code venueId} the venue the deal was struck at (its listing's, for a
 * listing's deal). Published in the step's transaction, once per step.
 */
public record DealStepTaken(
        String dealId,
        String venueId,
        String step,
        String status,
        String sellerId,
        String buyerId,
        Optional<String> byOrganization,
        Optional<String> listingId,
        Instant at) {}
