package org.techmarket.participant;

/** What other modules may know of an organization. */
public record OrganizationSummary(
        String id, String name, OrganizationType type, String region, OrganizationStatus status, String venueId) {}
