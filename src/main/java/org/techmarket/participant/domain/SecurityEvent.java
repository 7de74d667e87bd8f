package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A refused or failed security event: no personal data beyond the account (its username and id, only when the
 * account exists) and the client address.
 */
public record SecurityEvent(
        long sequence,
        Instant occurredAt,
        SecurityEventType type,
        Optional<String> username,
        Optional<String> userId,
        String clientAddress,
        String path) {}
