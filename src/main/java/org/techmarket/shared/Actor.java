package org.techmarket.shared;

import java.util.Optional;

/**
 * The authenticated user behind a request: members and organization admins act for their organization,
 * operators for their venue, regulators read the whole market. A broker's user acting under a mandate acts for the
 * client: {@code organizationId} is the client's, and {@code agency} names the broker and the mandate.
 */
public record Actor(
        String userId,
        String username,
        Role role,
        Optional<String> organizationId,
        Optional<String> venueId,
        Optional<Agency> agency) {

    public static final Actor SYSTEM = new Actor("system", "system", Role.OPERATOR, Optional.empty(), Optional.empty());

    public Actor {
        agency = agency == null ? Optional.empty() : agency;
    }

    public Actor(String userId, String username, Role role, Optional<String> organizationId, Optional<String> venueId) {
        this(userId, username, role, organizationId, venueId, Optional.empty());
    }

    /** The same user acting for {@code agency}'s client, as a member (an agent never administers its client). */
    public Actor actingFor(Agency agency) {
        return new Actor(
                userId, username, Role.MEMBER, Optional.of(agency.clientId()), Optional.empty(), Optional.of(agency));
    }

    /**
     * How the actor appears in the audit log; a broker's user acting for a client appears as
     * {@code user:<id> broker:<brokerId> for:<clientId>}.
     */
    public String auditName() {
        if ("system".equals(userId)) {
            return "system";
        }
        return agency.map(a -> "user:" + userId + " broker:" + a.brokerId() + " for:" + a.clientId())
                .orElse("user:" + userId);
    }

    /**
     * How a lender's user enforcing its pledge for the owner appears in the audit log:
     * {@code user:<id> pledgee:<lenderId> for:<ownerId>}, as a broker acting for its client does.
     */
    public String auditNameAsPledgee(String ownerId) {
        return "user:" + userId + " pledgee:" + requireOrganization() + " for:" + ownerId;
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

    /**
     * Refuses a list's {@code parameter} naming anyone but the caller: lists such as {@code GET /api/v1/bids?bidder=me}
     * are the caller's own, and another value is a 400 {@code INVALID_PARAMETER}.
     */
    public static void requireMe(String named, String parameter) {
        if (!"me".equals(named)) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, parameter, "only " + parameter + "=me is listed");
        }
    }
}
