package org.techmarket.ledger;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Money;

/** A committed, immutable double-entry transfer: {@code amount} left {@code from} and reached {@code to}. */
public record Transfer(
        String id,
        String batchId,
        AccountId from,
        AccountId to,
        Money amount,
        String reason,
        String cause,
        Optional<String> idempotencyKey,
        Instant postedAt) {}
