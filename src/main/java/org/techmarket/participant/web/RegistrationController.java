package org.techmarket.participant.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.participant.Onboarding;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.application.RegistrationService;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Registration of a new organization with its first administrator. */
@RestController
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    record OrganizationRequest(
            String name,
            OrganizationType type,
            String creditCode,
            String region,
            String identityNumber,
            String legalRepresentative,
            String registeredAddress) {}

    record AdminRequest(String username, String password, String displayName) {}

    record RegistrationRequest(OrganizationRequest organization, AdminRequest admin) {}

    record RegistrationResponse(String organizationId, String userId, OrganizationStatus status) {}

    @PostMapping("/api/v1/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationResponse register(@RequestBody RegistrationRequest request) {
        if (request.organization() == null) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "organization", "is required");
        }
        if (request.admin() == null) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "admin", "is required");
        }
        OrganizationRequest org = request.organization();
        AdminRequest admin = request.admin();
        var registered = registrations.register(
                new Onboarding.NewOrganization(
                        org.name(),
                        org.type(),
                        org.creditCode(),
                        org.region(),
                        org.identityNumber(),
                        org.legalRepresentative(),
                        org.registeredAddress()),
                new Onboarding.NewUser(admin.username(), admin.password(), admin.displayName()));
        return new RegistrationResponse(registered.organizationId(), registered.userId(), registered.status());
    }
}
