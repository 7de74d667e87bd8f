package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.OrganizationType;

/**
 * A participant of the market. Organizations other than individuals carry a valid unified social credit
 * code; all are in a GB/T 2260 region and registered with one venue, whose operators decide their status.
 */
public record Organization(String id, String name, OrganizationType type, Optional<String> creditCode,
        String region, OrganizationStatus status, String venueId, Instant createdAt, Instant updatedAt,
        long version) {

    public Organization withStatus(OrganizationStatus next, Instant at) {
        return new Organization(id, name, type, creditCode, region, status.transitionTo(next), venueId, createdAt, at,
                version + 1);
    }

    public OrganizationSummary summary() {
        return new OrganizationSummary(id, name, type, region, status, venueId);
    }
}
