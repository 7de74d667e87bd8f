package org.techmarket.participant;

import java.util.Collection;
import java.util.function.Supplier;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;

/** Bringing participants into the market: registration, verification and venue staff. */
public interface Onboarding {

    /**
     * An organization's details as given at registration: a credit code for an organization, a resident identity
     * number for an INDIVIDUAL.
     */
    record NewOrganization(
            String name,
            OrganizationType type,
            String creditCode,
            String region,
            String identityNumber,
            String legalRepresentative,
            String registeredAddress) {

        /** An organization without its optional particulars. */
        public NewOrganization(
                String name, OrganizationType type, String creditCode, String region, String identityNumber) {
            this(name, type, creditCode, region, identityNumber, null, null);
        }

        /** An organization other than an individual. */
        public NewOrganization(String name, OrganizationType type, String creditCode, String region) {
            this(name, type, creditCode, region, null, null, null);
        }
    }

    /** A user's details as given at registration. */
    record NewUser(String username, String password, String displayName) {}

    /** What a registration created. */
    record Registered(String organizationId, String userId, OrganizationStatus status) {}

    Registered register(NewOrganization organization, NewUser admin);

    /** Adds an operator of the acting operator's venue, or a regulator; returns the new user's id. */
    String addStaffMember(Actor operator, NewUser user, Role role);

    void verify(Actor operator, String organizationId);

    /**
     * Runs {@code registrations} on this thread with the new users' {@code passwords} hashed beforehand on every core:
     * registrations of several users in one transaction otherwise wait for each bcrypt hash in turn. A user whose
     * password is not among them is hashed as usual.
     */
    <T> T hashingAhead(Collection<String> passwords, Supplier<T> registrations);

    boolean marketIsEmpty();
}
