package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;

/** A person who logs in: acts for an organization, operates a venue, or regulates the market. */
public record User(
        String id,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        Optional<String> organizationId,
        Optional<String> venueId,
        Instant createdAt) {

    public Actor actor() {
        return new Actor(id, username, role, organizationId, venueId);
    }
}
