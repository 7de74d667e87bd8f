package org.techmarket.audit.domain;

import java.time.Instant;

/**
 * One recorded state change: who did what to which subject, with its payload as canonical JSON text and its
 * place in the hash chain.
 */
public record AuditEvent(
        long sequence,
        Instant occurredAt,
        String actor,
        String type,
        String subject,
        String payload,
        String previousHash,
        String hash) {}
