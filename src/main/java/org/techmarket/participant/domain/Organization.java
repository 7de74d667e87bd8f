package org.techmarket.participant.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.participant.LegalIdentity;
import org.techmarket.participant.OrganizationParticulars;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.ResidentIdentityNumber;

/**
 * A participant of the market. Organizations other than individuals carry a valid unified social credit
 * code; individuals a resident identity number (those registered before it was asked for may lack one). All are in
 * a GB/T 2260 region and registered with one venue, whose operators decide their status.
 */
public record Organization(
        String id,
        String name,
        OrganizationType type,
        Optional<String> creditCode,
        Optional<String> identityNumber,
        String region,
        OrganizationStatus status,
        String venueId,
        Instant createdAt,
        Instant updatedAt,
        long version,
        OrganizationParticulars particulars) {

    public Organization withStatus(OrganizationStatus next, Instant at) {
        return new Organization(
                id,
                name,
                type,
                creditCode,
                identityNumber,
                region,
                status.transitionTo(next),
                venueId,
                createdAt,
                at,
                version + 1,
                particulars);
    }

    /** The organization with these particulars in place of its own. */
    public Organization withParticulars(OrganizationParticulars next, Instant at) {
        return new Organization(
                id, name, type, creditCode, identityNumber, region, status, venueId, createdAt, at, version + 1, next);
    }

    /** The credit code, or an individual's identity number; empty for an individual without one. */
    public Optional<LegalIdentity> legalIdentity() {
        return type.isNaturalPerson()
                ? identityNumber.map(LegalIdentity::residentId)
                : creditCode.map(LegalIdentity::creditCode);
    }

    /** The identity number as it may be shown: all but its last four characters hidden. */
    public Optional<String> maskedIdentityNumber() {
        return identityNumber.map(ResidentIdentityNumber::masked);
    }

    // A record's own toString would print the full identity number into any log that shows an organization.
    @Override
    public String toString() {
        return "Organization[" + id + ", " + name + ", " + type + ", " + creditCode.orElse("-") + ", "
                + maskedIdentityNumber().orElse("-") + ", " + region + ", " + status + ", " + venueId + ", v" + version
                + "]";
    }

    public OrganizationSummary summary() {
        return new OrganizationSummary(id, name, type, region, status, venueId);
    }
}
