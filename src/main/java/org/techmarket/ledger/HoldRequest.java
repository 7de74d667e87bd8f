package org.techmarket.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * Asks the ledger to reserve an organization's available funds: {@code purpose} is a code such as
 * {@code AUCTION_DEPOSIT}, {@code cause} links to what needs them, and at the {@code deadline}, if any, whatever is
 * still held goes back to the organization.
 */
public record HoldRequest(
        String organizationId, Money amount, String purpose, String cause, Optional<Instant> deadline) {

    public HoldRequest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(deadline, "deadline");
    }
}
