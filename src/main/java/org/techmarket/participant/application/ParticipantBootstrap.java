package org.techmarket.participant.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.MarketBootstrap;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.domain.Venue;
import org.techmarket.participant.persistence.Users;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;
import org.techmarket.shared.jobs.StartupLock;

/**
 * On start: makes sure the default venue exists and, when {@code techmarket.admin-token} is set and no
 * operator exists yet, creates the operator {@code admin} whose API token is exactly that value; likewise
 * {@code techmarket.market-admin-token} creates the market administrator {@code market-admin}, who opens venues.
 */
@Component
@Order(0)
class ParticipantBootstrap implements ApplicationRunner, MarketBootstrap {

    private static final Logger log = LoggerFactory.getLogger(ParticipantBootstrap.class);

    private final VenueService venues;
    private final Users users;
    private final RegistrationService registrations;
    private final TokenService tokens;
    private final TransactionTemplate transactions;
    private final StartupLock startupLock;
    private final AuditLog audit;
    private final Clock clock;
    private final String adminToken;
    private final String marketAdminToken;
    private volatile boolean bootstrapped;

    ParticipantBootstrap(
            VenueService venues,
            Users users,
            RegistrationService registrations,
            TokenService tokens,
            TransactionTemplate transactions,
            StartupLock startupLock,
            AuditLog audit,
            Clock clock,
            @Value("${techmarket.admin-token:}") String adminToken,
            @Value("${techmarket.market-admin-token:}") String marketAdminToken) {
        this.venues = venues;
        this.users = users;
        this.registrations = registrations;
        this.tokens = tokens;
        this.transactions = transactions;
        this.startupLock = startupLock;
        this.audit = audit;
        this.clock = clock;
        this.adminToken = adminToken;
        this.marketAdminToken = marketAdminToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureBootstrapped();
    }

    // Once per process: the demo's load, which may start before this runner, calls it first, and the runner finds it
    // done. A failed attempt leaves it undone, so the next call tries again.
    @Override
    public synchronized void ensureBootstrapped() {
        if (bootstrapped) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            // Nodes starting together on an empty database create one venue and one operator between them.
            startupLock.holdUntilCommit();
            Venue venue = venues.defaultVenue();
            if (!adminToken.isBlank() && !users.anyWithRole(Role.OPERATOR)) {
                addWithToken("admin", "Market operator", Role.OPERATOR, Optional.of(venue.id()), adminToken);
            }
            if (!marketAdminToken.isBlank() && !users.anyWithRole(Role.MARKET_ADMIN)) {
                addWithToken(
                        "market-admin", "Market administrator", Role.MARKET_ADMIN, Optional.empty(), marketAdminToken);
            }
        });
        bootstrapped = true;
    }

    private void addWithToken(String username, String displayName, Role role, Optional<String> venueId, String token) {
        if (token.length() < 16) {
            throw new IllegalStateException("The configured token of '" + username + "' needs at least 16 characters");
        }
        var user = registrations.newUser(
                new Onboarding.NewUser(username, java.util.UUID.randomUUID() + "-unused", displayName),
                role,
                Optional.empty(),
                venueId,
                clock.instant());
        audit.record(
                Actor.SYSTEM.auditName(),
                ParticipantEvents.UserAdded,
                "user:" + user.id(),
                Map.of("username", user.username(), "role", role.name(), "venueId", venueId.orElse("")));
        tokens.issueGiven(user, token, username + "-token");
        log.info("Created the {} '{}' with its configured token", role, username);
    }
}
