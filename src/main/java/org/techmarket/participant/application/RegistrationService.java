package org.techmarket.participant.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.ResidentIdentityNumber;
import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.participant.domain.CommonPasswords;
import org.techmarket.participant.domain.Organization;
import org.techmarket.participant.domain.Passwords;
import org.techmarket.participant.domain.User;
import org.techmarket.participant.domain.Venue;
import org.techmarket.participant.persistence.Organizations;
import org.techmarket.participant.persistence.Users;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * Registers organizations with their first administrator, and adds users to organizations and staff to
 * venues. Every check runs before anything is stored, so a refused registration leaves no trace.
 */
@Service
public class RegistrationService implements Onboarding {

    // The date of birth on a resident identity card is a date in China.
    private static final ZoneId IDENTITY_CARD_ZONE = ZoneId.of("Asia/Shanghai");

    private final Organizations organizations;
    private final Users users;
    private final VenueService venues;
    private final Regions regions;
    private final PasswordHashing passwords;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final OrganizationService organizationService;
    private final RegulatorJurisdictions jurisdictions;

    RegistrationService(
            Organizations organizations,
            Users users,
            VenueService venues,
            Regions regions,
            PasswordEncoder passwords,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            OrganizationService organizationService,
            RegulatorJurisdictions jurisdictions) {
        this.organizationService = organizationService;
        this.jurisdictions = jurisdictions;
        this.organizations = organizations;
        this.users = users;
        this.venues = venues;
        this.regions = regions;
        this.passwords = new PasswordHashing(passwords);
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String addStaffMember(Actor operator, NewUser user, Role role) {
        return addStaff(operator, user, role).id();
    }

    @Override
    @Transactional
    public void verify(Actor operator, String organizationId) {
        organizationService.verify(operator, organizationId);
    }

    @Override
    public <T> T hashingAhead(Collection<String> passwords, Supplier<T> registrations) {
        return this.passwords.aheadOf(passwords, registrations);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean marketIsEmpty() {
        return organizations.count() == 0;
    }

    @Override
    @Transactional
    public Registered register(NewOrganization org, NewUser admin) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        checkOrganization(org, errors);
        checkUser(admin, "admin.", errors);
        if (!errors.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.VALIDATION_FAILED,
                    "The registration has invalid fields",
                    errors,
                    Map.of());
        }
        Instant now = clock.instant();
        checkIdentityNumber(org, LocalDate.ofInstant(now, IDENTITY_CARD_ZONE));
        checkPasswordStrength(admin, "admin.");
        if (org.type().hasCreditCode() && organizations.creditCodeTaken(org.creditCode())) {
            throw Rejection.conflict(
                    ParticipantCodes.ORGANIZATION_EXISTS,
                    "An organization with credit code " + org.creditCode() + " is already registered");
        }
        if (org.type().isNaturalPerson() && organizations.identityNumberTaken(org.identityNumber())) {
            // The number is not repeated: it is personal information, and the caller knows it.
            throw Rejection.conflict(
                    ParticipantCodes.ORGANIZATION_EXISTS,
                    "An individual with this resident identity number is already registered");
        }
        requireFreeUsername(admin.username());
        Venue venue = venues.defaultVenue();
        Organization organization = new Organization(
                ids.newId(),
                Text.name(org.name()),
                org.type(),
                org.type().hasCreditCode() ? Optional.of(org.creditCode()) : Optional.empty(),
                org.type().isNaturalPerson() ? Optional.of(org.identityNumber()) : Optional.empty(),
                org.region(),
                OrganizationStatus.PENDING,
                venue.id(),
                now,
                now,
                0,
                OrganizationParticulars.of(org.legalRepresentative(), org.registeredAddress()));
        organizations.add(organization);
        User user = newUser(admin, Role.ORG_ADMIN, Optional.of(organization.id()), Optional.empty(), now);
        String actor = "user:" + user.id();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", organization.name());
        payload.put("type", organization.type().name());
        payload.put("creditCode", organization.creditCode().orElse(""));
        organization.maskedIdentityNumber().ifPresent(masked -> payload.put("identityNumber", masked));
        payload.put("region", organization.region());
        putParticulars(payload, organization);
        payload.put("venueId", venue.id());
        audit.record(actor, ParticipantEvents.OrganizationRegistered, "organization:" + organization.id(), payload);
        audit.record(
                actor,
                ParticipantEvents.UserAdded,
                "user:" + user.id(),
                Map.of("username", user.username(), "role", user.role().name(), "organizationId", organization.id()));
        return new Registered(organization.id(), user.id(), organization.status());
    }

    /** An organization's admin adds a member or another admin. */
    @Transactional
    public User addUser(Actor actor, String organizationId, NewUser details, Role role) {
        if (!(actor.role() == Role.ORG_ADMIN && actor.belongsTo(organizationId))) {
            if (organizations.find(organizationId).isEmpty()) {
                throw Rejection.notFound("Organization", organizationId);
            }
            throw Rejection.forbidden("Only an admin of the organization may add its users");
        }
        organizations
                .lockShared(organizationId)
                .orElseThrow(() -> Rejection.notFound("Organization", organizationId))
                .status()
                .requirePermits(MarketAction.ADD_USER);
        if (!role.actsForOrganization()) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_ROLE, "role", "An organization's users are MEMBER or ORG_ADMIN");
        }
        checkNewUser(details, "");
        requireFreeUsername(details.username());
        User user = newUser(details, role, Optional.of(organizationId), Optional.empty(), clock.instant());
        audit.record(
                actor.auditName(),
                ParticipantEvents.UserAdded,
                "user:" + user.id(),
                Map.of("username", user.username(), "role", role.name(), "organizationId", organizationId));
        return user;
    }

    /** An operator adds another operator of their venue, or a regulator. */
    @Transactional
    public User addStaff(Actor actor, NewUser details, Role role) {
        actor.requireOperator();
        if (role.actsForOrganization()) {
            throw Rejection.invalid(SharedCodes.INVALID_ROLE, "role", "Staff are OPERATOR or REGULATOR");
        }
        checkNewUser(details, "");
        requireFreeUsername(details.username());
        Optional<String> venue = role == Role.OPERATOR
                ? Optional.of(
                        actor.venueId().orElseGet(() -> venues.defaultVenue().id()))
                : Optional.empty();
        User user = newUser(details, role, Optional.empty(), venue, clock.instant());
        jurisdictions.recorded(user.id(), actor);
        audit.record(
                actor.auditName(),
                ParticipantEvents.UserAdded,
                "user:" + user.id(),
                Map.of("username", user.username(), "role", role.name(), "venueId", venue.orElse("")));
        return user;
    }

    /** A market administrator adds an operator of a venue that exists. */
    @Transactional
    public User addVenueOperator(Actor actor, String venueId, NewUser details) {
        if (!actor.isMarketAdmin()) {
            throw Rejection.forbidden("Only a market administrator may add a venue's operators");
        }
        checkNewUser(details, "");
        requireFreeUsername(details.username());
        User user = newUser(details, Role.OPERATOR, Optional.empty(), Optional.of(venueId), clock.instant());
        audit.record(
                actor.auditName(),
                ParticipantEvents.UserAdded,
                "user:" + user.id(),
                Map.of("username", user.username(), "role", Role.OPERATOR.name(), "venueId", venueId));
        return user;
    }

    User newUser(NewUser details, Role role, Optional<String> organizationId, Optional<String> venueId, Instant now) {
        User user = new User(
                ids.newId(),
                details.username(),
                passwords.hash(details.password()),
                details.displayName() == null || details.displayName().isBlank()
                        ? details.username()
                        : Text.name(details.displayName()),
                role,
                organizationId,
                venueId,
                now,
                Optional.empty());
        users.add(user);
        return user;
    }

    private void checkNewUser(NewUser details, String prefix) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        checkUser(details, prefix, errors);
        if (!errors.isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.VALIDATION_FAILED,
                    "The user has invalid fields",
                    errors,
                    Map.of());
        }
        checkPasswordStrength(details, prefix);
    }

    /**
     * A well-formed password is still refused when it contains its username or is one of the most common passwords,
     * each as a refusal of its own whose code says which.
     */
    private static void checkPasswordStrength(NewUser user, String prefix) {
        Passwords.weakness(user.password(), user.username(), CommonPasswords.standard())
                .ifPresent(weakness -> {
                    throw new Rejection(
                            Rejection.Kind.INVALID,
                            weakness.code(),
                            "The password " + weakness.message(),
                            List.of(new Rejection.FieldError(prefix + "password", weakness.message())),
                            Map.of());
                });
    }

    private void requireFreeUsername(String username) {
        if (users.usernameTaken(username)) {
            throw Rejection.conflict(ParticipantCodes.USERNAME_TAKEN, "The username " + username + " is already taken");
        }
    }

    /** The particulars as an audit payload shows them: masked as to anyone outside, since the log is widely read. */
    static void putParticulars(Map<String, Object> payload, Organization organization) {
        OrganizationParticulars shown = organization.particulars().maskedFor(organization.type());
        payload.put("legalRepresentative", shown.legalRepresentative().orElse(""));
        payload.put("registeredAddress", shown.registeredAddress().orElse(""));
    }

    private void checkOrganization(NewOrganization org, List<Rejection.FieldError> errors) {
        errors.addAll(
                OrganizationParticulars.problems(org.legalRepresentative(), org.registeredAddress(), "organization."));
        if (org.name() == null || org.name().isBlank() || org.name().length() > 200) {
            errors.add(new Rejection.FieldError("organization.name", "must have 1 to 200 characters"));
        }
        Text.nameProblem(org.name()).ifPresent(p -> errors.add(new Rejection.FieldError("organization.name", p)));
        if (org.type() == null) {
            errors.add(new Rejection.FieldError("organization.type", "is required"));
        } else if (org.type().hasCreditCode()) {
            UnifiedSocialCreditCode.problem(org.creditCode() == null ? "" : org.creditCode())
                    .ifPresent(p -> errors.add(new Rejection.FieldError("organization.creditCode", p)));
        } else if (org.creditCode() != null && !org.creditCode().isEmpty()) {
            errors.add(new Rejection.FieldError("organization.creditCode", "an INDIVIDUAL has no credit code"));
        }
        if (org.region() == null || regions.find(org.region()).isEmpty()) {
            errors.add(new Rejection.FieldError("organization.region", "must be a GB/T 2260 province or city code"));
        }
    }

    /**
     * An individual is identified by their resident identity number, and only an individual has one. Checked once
     * the form is sound, as a refusal of its own (422) whose code says which of the three went wrong.
     */
    private static void checkIdentityNumber(NewOrganization org, LocalDate today) {
        String number = org.identityNumber();
        boolean given = number != null && !number.isEmpty();
        if (!org.type().isNaturalPerson()) {
            if (given) {
                throw identityRefused(
                        ParticipantCodes.IDENTITY_NUMBER_NOT_ALLOWED,
                        "only an INDIVIDUAL registers with a resident"
                                + " identity number; an organization is identified by its unified social credit code");
            }
            return;
        }
        if (!given) {
            throw identityRefused(
                    ParticipantCodes.IDENTITY_NUMBER_REQUIRED,
                    "an INDIVIDUAL registers with the 18-character number of their resident identity card");
        }
        ResidentIdentityNumber.problem(number, today).ifPresent(problem -> {
            throw identityRefused(ParticipantCodes.INVALID_IDENTITY_NUMBER, problem);
        });
    }

    private static Rejection identityRefused(ParticipantCodes code, String message) {
        return new Rejection(
                Rejection.Kind.INVALID,
                code,
                "The resident identity number is refused: " + message,
                List.of(new Rejection.FieldError("organization.identityNumber", message)),
                Map.of());
    }

    private static void checkUser(NewUser user, String prefix, List<Rejection.FieldError> errors) {
        if (user == null) {
            errors.add(new Rejection.FieldError(
                    prefix.isEmpty() ? "user" : prefix.substring(0, prefix.length() - 1), "is required"));
            return;
        }
        if (user.username() == null || !user.username().matches("[A-Za-z0-9][A-Za-z0-9._-]{2,39}")) {
            errors.add(new Rejection.FieldError(
                    prefix + "username",
                    "must be 3 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        Passwords.problem(user.password()).ifPresent(p -> errors.add(new Rejection.FieldError(prefix + "password", p)));
        if (user.displayName() != null && user.displayName().length() > 100) {
            errors.add(new Rejection.FieldError(prefix + "displayName", "must have at most 100 characters"));
        }
        Text.nameProblem(user.displayName())
                .ifPresent(p -> errors.add(new Rejection.FieldError(prefix + "displayName", p)));
    }
}
