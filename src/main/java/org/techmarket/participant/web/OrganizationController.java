package org.techmarket.participant.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.application.OrganizationService;
import org.techmarket.participant.application.RegistrationService;
import org.techmarket.participant.application.UserStanding;
import org.techmarket.participant.domain.Organization;
import org.techmarket.participant.domain.User;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Role;

/** Organizations' profiles, their users, and the operator's decisions on their status; venue staff. */
@RestController
class OrganizationController {

    private final OrganizationService organizations;
    private final RegistrationService registrations;
    private final UserStanding standing;

    OrganizationController(
            OrganizationService organizations, RegistrationService registrations, UserStanding standing) {
        this.organizations = organizations;
        this.registrations = registrations;
        this.standing = standing;
    }

    /**
     * An organization's profile; an individual's identity number is personal information and shown masked, and so,
     * to anyone but its own members, operators and regulators, are its legal representative's name (张**) and an
     * individual's address. Operators and regulators also see {@code nameMatchesVerified}: the verified organizations
     * whose name reads the same.
     */
    record OrganizationView(
            String id,
            String name,
            String type,
            String creditCode,
            String identityNumber,
            String region,
            String status,
            String venueId,
            Instant createdAt,
            long version,
            String legalRepresentative,
            String registeredAddress,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<OrganizationService.Namesake> nameMatchesVerified) {
        static OrganizationView of(Actor viewer, Organization o) {
            return of(viewer, o, Map.of());
        }

        static OrganizationView of(
                Actor viewer, Organization o, Map<String, List<OrganizationService.Namesake>> namesakes) {
            OrganizationParticulars shown = viewer != null && (viewer.belongsTo(o.id()) || viewer.seesWholeMarket())
                    ? o.particulars()
                    : o.particulars().maskedFor(o.type());
            return new OrganizationView(
                    o.id(),
                    o.name(),
                    o.type().name(),
                    o.creditCode().orElse(null),
                    o.maskedIdentityNumber().orElse(null),
                    o.region(),
                    o.status().name(),
                    o.venueId(),
                    o.createdAt(),
                    o.version(),
                    shown.legalRepresentative().orElse(null),
                    shown.registeredAddress().orElse(null),
                    namesakes.get(o.id()));
        }
    }

    record UserView(
            String id,
            String username,
            String displayName,
            String role,
            String organizationId,
            String venueId,
            boolean active,
            Instant deactivatedAt) {
        static UserView of(User u) {
            return new UserView(
                    u.id(),
                    u.username(),
                    u.displayName(),
                    u.role().name(),
                    u.organizationId().orElse(null),
                    u.venueId().orElse(null),
                    u.active(),
                    u.deactivatedAt().orElse(null));
        }
    }

    record NewUserRequest(String username, String password, String displayName, Role role) {}

    record SuspensionRequest(String reason) {}

    @GetMapping("/api/v1/organizations")
    PagedItems<OrganizationView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<OrganizationStatus> status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        var page = organizations.list(status, cursor, limit);
        var namesakes = organizations.verifiedNamesakes(actor, page.items());
        return PagedItems.of(page.map(o -> OrganizationView.of(actor, o, namesakes)));
    }

    @GetMapping("/api/v1/organizations/{id}")
    OrganizationView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return withNamesakes(actor, organizations.get(id));
    }

    @PostMapping("/api/v1/organizations/{id}/verification")
    OrganizationView verify(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return withNamesakes(actor, organizations.verify(actor, id));
    }

    private OrganizationView withNamesakes(Actor actor, Organization organization) {
        return OrganizationView.of(actor, organization, organizations.verifiedNamesakes(actor, List.of(organization)));
    }

    @PostMapping("/api/v1/organizations/{id}/suspension")
    OrganizationView suspend(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody SuspensionRequest request) {
        return OrganizationView.of(actor, organizations.suspend(actor, id, request.reason()));
    }

    record ParticularsRequest(String legalRepresentative, String registeredAddress) {}

    /** The organization's admin or an operator sets its legal representative and registered address. */
    @PutMapping("/api/v1/organizations/{id}/particulars")
    OrganizationView changeParticulars(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody ParticularsRequest request) {
        return OrganizationView.of(
                actor,
                organizations.changeParticulars(actor, id, request.legalRepresentative(), request.registeredAddress()));
    }

    @GetMapping("/api/v1/organizations/{id}/users")
    List<UserView> users(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return organizations.users(actor, id).stream().map(UserView::of).toList();
    }

    @PostMapping("/api/v1/organizations/{id}/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView addUser(
            @AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestBody NewUserRequest request) {
        Role role = request.role() == null ? Role.MEMBER : request.role();
        return UserView.of(registrations.addUser(
                actor,
                id,
                new Onboarding.NewUser(request.username(), request.password(), request.displayName()),
                role));
    }

    /** The organization's admin deactivates one of its users: their tokens and sessions stop working at once. */
    @PostMapping("/api/v1/organizations/{id}/users/{userId}/deactivation")
    UserView deactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String userId) {
        return UserView.of(standing.deactivate(actor, id, userId));
    }

    /** The organization's admin makes a deactivated user active again. */
    @PostMapping("/api/v1/organizations/{id}/users/{userId}/reactivation")
    UserView reactivate(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String userId) {
        return UserView.of(standing.reactivate(actor, id, userId));
    }

    @PostMapping("/api/v1/staff")
    @ResponseStatus(HttpStatus.CREATED)
    UserView addStaff(@AuthenticationPrincipal Actor actor, @RequestBody NewUserRequest request) {
        return UserView.of(registrations.addStaff(
                actor,
                new Onboarding.NewUser(request.username(), request.password(), request.displayName()),
                request.role() == null ? Role.REGULATOR : request.role()));
    }
}
