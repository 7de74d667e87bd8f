package org.techmarket.participant;

import java.time.Instant;

/**
 * An operator suspended an organization. Published with the suspension, delivered after it commits, at least once:
 * the modules holding the organization's standing offers to the market end them.
 */
public record OrganizationSuspended(String organizationId, String venueId, String reason, Instant suspendedAt) {}
