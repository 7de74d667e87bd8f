package org.techmarket.shared.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * An item a job failed to handle: how often in a row, the last error, and when it is tried next (empty: it waits for
 * an operator to release it).
 */
public record StuckItem(
        String job,
        String itemId,
        int attempts,
        String lastError,
        Instant firstFailedAt,
        Instant lastFailedAt,
        Optional<Instant> nextAttemptAt) {}
