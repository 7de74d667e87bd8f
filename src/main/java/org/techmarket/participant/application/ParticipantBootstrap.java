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
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.domain.Venue;
import org.techmarket.participant.persistence.Users;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;
import org.techmarket.shared.jobs.StartupLock;

/**
 * On start: makes sure the default venue exists and, when {@code techmarket.admin-token} is set and no
 * operator exists yet, creates the operator {@code admin} whose API token is exactly that value.
 */
@Component
@Order(0)
class ParticipantBootstrap implements ApplicationRunner {

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

    ParticipantBootstrap(
            VenueService venues,
            Users users,
            RegistrationService registrations,
            TokenService tokens,
            TransactionTemplate transactions,
            StartupLock startupLock,
            AuditLog audit,
            Clock clock,
            @Value("${techmarket.admin-token:}") String adminToken) {
        this.venues = venues;
        this.users = users;
        this.registrations = registrations;
        this.tokens = tokens;
        this.transactions = transactions;
        this.startupLock = startupLock;
        this.audit = audit;
        this.clock = clock;
        this.adminToken = adminToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Nodes starting together on an empty database create one venue and one operator between them.
            startupLock.holdUntilCommit();
            Venue venue = venues.defaultVenue();
            if (!adminToken.isBlank() && !users.anyWithRole(Role.OPERATOR)) {
                if (adminToken.length() < 16) {
                    throw new IllegalStateException("techmarket.admin-token must have at least 16 characters");
                }
                var admin = registrations.newUser(
                        new Onboarding.NewUser("admin", java.util.UUID.randomUUID() + "-unused", "Market operator"),
                        Role.OPERATOR,
                        Optional.empty(),
                        Optional.of(venue.id()),
                        clock.instant());
                audit.record(
                        Actor.SYSTEM.auditName(),
                        ParticipantEvents.UserAdded,
                        "user:" + admin.id(),
                        Map.of("username", admin.username(), "role", Role.OPERATOR.name(), "venueId", venue.id()));
                tokens.issueGiven(admin, adminToken, "admin-token");
                log.info("Created the operator 'admin' with the configured admin token");
            }
        });
    }
}
