package org.techmarket.deal.domain;

import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.ResidentIdentityNumber;
import org.techmarket.participant.UnifiedSocialCreditCode;
import org.techmarket.shared.Rejection;

/**
 * One side of a contract as the contract names it: the organization's id, registered name, legal identifier and
 * GB/T 2260 region code. An organization is named by its unified social credit code; an individual, as a natural
 * person, by their resident identity number, which only the contract text shows in full. A copy, so that a later
 * rename of the organization does not change a signed contract's text.
 */
public record Party(
        String organizationId, String name, IdentifierKind identifierKind, String identifier, String regionCode) {

    /** How the law identifies a party: an organization by its credit code, a natural person by their identity card. */
    public enum IdentifierKind {
        CREDIT_CODE,
        RESIDENT_ID
    }

    public Party {
        organizationId = Require.text(organizationId, "organizationId", 100);
        name = Require.text(name, "name", 200);
        Require.present(identifierKind, "identifierKind");
        identifier = Require.text(identifier, "identifier", 18);
        requireValid(identifierKind, identifier);
        regionCode = Require.text(regionCode, "regionCode", 6);
        if (!RegionCode.isWellFormed(regionCode)) {
            throw Rejection.invalid(
                    DealCodes.INVALID_REGION_CODE,
                    "regionCode",
                    "'" + regionCode + "' is not a six-digit GB/T 2260 region code such as 440300");
        }
    }

    /** A legal person or other organization, named by its unified social credit code. */
    public static Party organization(String organizationId, String name, String creditCode, String regionCode) {
        return new Party(organizationId, name, IdentifierKind.CREDIT_CODE, creditCode, regionCode);
    }

    /** An individual, named as a natural person by the number of their resident identity card. */
    public static Party naturalPerson(String organizationId, String name, String identityNumber, String regionCode) {
        return new Party(organizationId, name, IdentifierKind.RESIDENT_ID, identityNumber, regionCode);
    }

    public boolean isNaturalPerson() {
        return identifierKind == IdentifierKind.RESIDENT_ID;
    }

    /** The identifier as it may be shown outside the contract text: a credit code in full, an identity number masked. */
    public String shownIdentifier() {
        return isNaturalPerson() ? ResidentIdentityNumber.masked(identifier) : identifier;
    }

    /** Whether {@code other} is the same party: the same organization, or the same credit code or identity number. */
    public boolean isSameAs(Party other) {
        return organizationId.equals(other.organizationId)
                || (identifierKind == other.identifierKind && identifier.equals(other.identifier));
    }

    @Override
    public String toString() {
        return "Party[" + organizationId + ", " + name + ", " + identifierKind + " " + shownIdentifier() + ", "
                + regionCode + "]";
    }

    // The date of birth in an identity number was checked against the calendar when its holder registered; a party
    // copied later only needs the number to be well formed.
    private static void requireValid(IdentifierKind kind, String identifier) {
        if (kind == IdentifierKind.CREDIT_CODE) {
            UnifiedSocialCreditCode.problem(identifier).ifPresent(problem -> {
                throw Rejection.invalid(DealCodes.INVALID_CREDIT_CODE, "identifier", problem);
            });
        } else {
            ResidentIdentityNumber.problem(identifier).ifPresent(problem -> {
                throw Rejection.invalid(ParticipantCodes.INVALID_IDENTITY_NUMBER, "identifier", problem);
            });
        }
    }
}
