package org.techmarket.ledger;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * Funds of an organization reserved for a purpose (the first phase of a two-phase transfer): of {@code amount},
 * {@code captured} has gone on to other accounts and {@code remaining} is still held.
 */
public record Hold(
        String id,
        String organizationId,
        Money amount,
        Money captured,
        Money remaining,
        String purpose,
        String cause,
        Optional<Instant> deadline,
        HoldStatus status,
        Instant createdAt,
        Optional<Instant> closedAt) {

    /** The HELD account that carries this hold's remaining funds. */
    public AccountId heldAccount() {
        return AccountId.held(organizationId, amount.currency());
    }

    /** The AVAILABLE account the funds came from and go back to. */
    public AccountId availableAccount() {
        return AccountId.available(organizationId, amount.currency());
    }

    /** True when the deadline has come: from then on the hold can no longer be captured. */
    public boolean isDue(Instant now) {
        return deadline.map(d -> !now.isBefore(d)).orElse(false);
    }
}
