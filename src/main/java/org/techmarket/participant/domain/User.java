package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;

/**
 * A person who logs in: acts for an organization, operates a venue, or regulates the market. A deactivated user keeps
 * their record and history but can neither log in nor act.
 */
public record User(
        String id,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        Optional<String> organizationId,
        Optional<String> venueId,
        Instant createdAt,
        Optional<Instant> deactivatedAt) {

    /** Whether the user may log in and act: not deactivated by their organization's admin. */
    public boolean active() {
        return deactivatedAt.isEmpty();
    }

    public Actor actor() {
        return new Actor(id, username, role, organizationId, venueId);
    }
}
