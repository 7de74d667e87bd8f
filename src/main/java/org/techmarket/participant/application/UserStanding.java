package org.techmarket.participant.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.persistence.Organizations;
import org.techmarket.participant.persistence.Tokens;
import org.techmarket.participant.persistence.Users;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/**
 * An organization's admin deactivates one of its users, or makes them active again. A deactivated user can neither
 * log in nor act: their tokens are revoked, and every request they make with a token or a page session is refused at
 * once. The organization always keeps an active admin: deactivations in one organization take its row's lock, so two
 * admins deactivating each other at once leave the second refused with {@code LAST_ADMIN}.
 */
@Service
public class UserStanding {

    private final Organizations organizations;
    private final Users users;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;

    UserStanding(Organizations organizations, Users users, Tokens tokens, AuditLog audit, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** Deactivates the organization's user; deactivating one already deactivated changes nothing. */
    @Transactional
    public User deactivate(Actor actor, String organizationId, String userId) {
        User user = lockedUser(actor, organizationId, userId);
        if (!user.active()) {
            return user;
        }
        if (user.role() == Role.ORG_ADMIN && users.activeAdmins(organizationId) <= 1) {
            throw Rejection.conflict(
                    ParticipantCodes.LAST_ADMIN, "The organization's last active admin cannot be deactivated");
        }
        var at = clock.instant();
        users.setDeactivatedAt(userId, Optional.of(at));
        tokens.ofUser(userId).stream().filter(t -> t.revokedAt().isEmpty()).forEach(t -> tokens.revoke(t.id(), at));
        record(actor, ParticipantEvents.UserDeactivated, user);
        return users.find(userId).orElseThrow();
    }

    /** Makes a deactivated user of the organization active again; they log in anew for new tokens. */
    @Transactional
    public User reactivate(Actor actor, String organizationId, String userId) {
        User user = lockedUser(actor, organizationId, userId);
        if (user.active()) {
            return user;
        }
        users.setDeactivatedAt(userId, Optional.empty());
        record(actor, ParticipantEvents.UserReactivated, user);
        return users.find(userId).orElseThrow();
    }

    /**
     * Whether the user may still act: asked on every request of a page session. One statement, so it runs on its own
     * without a transaction: a read-only transaction around it cost each signed-in page a second begin and commit.
     */
    public boolean active(String userId) {
        return users.isActive(userId);
    }

    /**
     * Only an active admin of the organization may change its users' standing; the organization's row is locked so
     * that the count of its active admins holds until the change commits.
     */
    private User lockedUser(Actor actor, String organizationId, String userId) {
        if (!(actor.role() == Role.ORG_ADMIN && actor.belongsTo(organizationId))) {
            if (organizations.find(organizationId).isEmpty()) {
                throw Rejection.notFound("Organization", organizationId);
            }
            throw Rejection.forbidden("Only an admin of the organization may deactivate or reactivate its users");
        }
        organizations.lock(organizationId).orElseThrow(() -> Rejection.notFound("Organization", organizationId));
        if (!users.isActive(actor.userId())) {
            throw deactivated();
        }
        return users.find(userId)
                .filter(u -> u.organizationId().filter(organizationId::equals).isPresent())
                .orElseThrow(() -> Rejection.notFound("User", userId));
    }

    private void record(Actor actor, ParticipantEvents type, User user) {
        audit.record(
                actor.auditName(),
                type,
                "user:" + user.id(),
                Map.of(
                        "username",
                        user.username(),
                        "organizationId",
                        user.organizationId().orElse("")));
    }

    static Rejection deactivated() {
        return new Rejection(
                Rejection.Kind.UNAUTHENTICATED,
                ParticipantCodes.USER_DEACTIVATED,
                "This user has been deactivated by their organization's admin");
    }
}
