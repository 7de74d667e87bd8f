package org.techmarket.shared;

import java.util.Optional;

/**
 * The authenticated user behind a request: members and organization admins act for their organization,
 * operators for their venue, regulators read the whole market.
 */
public record Actor(
        String userId, String username, Role role, Optional<String> organizationId, Optional<String> venueId) {

    public static final Actor SYSTEM = new Actor("system", "system", Role.OPERATOR, Optional.empty(), Optional.empty());

    /** How the actor appears in the audit log. */
    public String auditName() {
        return "system".equals(userId) ? "system" : "user:" + userId;
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    public boolean isMarketAdmin() {
        return role == Role.MARKET_ADMIN;
    }

    /** Whether the actor operates this venue. */
    public boolean operates(String venue) {
        return isOperator() && venueId.map(venue::equals).orElse(false);
    }

    public boolean isRegulator() {
        return role == Role.REGULATOR;
    }

    /** Operators and regulators see everything in the market. */
    public boolean seesWholeMarket() {
        return isOperator() || isRegulator();
    }

    public boolean belongsTo(String organization) {
        return organizationId.map(organization::equals).orElse(false);
    }

    /** The organization the actor acts for, or a refusal when the actor acts for none. */
    public String requireOrganization() {
        return organizationId.orElseThrow(
                () -> Rejection.forbidden("This action is taken by a member of an organization"));
    }

    public void requireOperator() {
        if (!isOperator()) {
            throw Rejection.forbidden("Only a venue operator may do this");
        }
    }

    public void requireMarketReader() {
        if (!seesWholeMarket()) {
            throw Rejection.forbidden("Only operators and regulators may read this");
        }
    }
}
