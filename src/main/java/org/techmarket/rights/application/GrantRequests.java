package org.techmarket.rights.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.ParticipantCodes;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsCodes;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.ProposedGrant;
import org.techmarket.rights.domain.RegionDirectory;
import org.techmarket.rights.domain.Scopes;
import org.techmarket.shared.Rejection;

/**
 * Turns requested grant terms into a proposal for the checker, refusing what is malformed whatever the
 * asset's state: a bad type or scope (400), an unknown grantee (404) or one that may not trade (422).
 */
@Component
class GrantRequests {

    /** Stands in for the grantee of an offer whose buyer is not known yet; never stored. */
    private static final String PROSPECTIVE_BUYER = "prospective-buyer";

    private final RegionDirectory regions;
    private final Participants participants;

    GrantRequests(RegionDirectory regions, Participants participants) {
        this.regions = regions;
        this.participants = participants;
    }

    ProposedGrant proposal(GrantTerms terms, Set<String> grantors, LocalDate today) {
        return proposal(terms, grantors, today, false);
    }

    private ProposedGrant proposal(GrantTerms terms, Set<String> grantors, LocalDate today, boolean anyBuyer) {
        if (terms == null) {
            throw Rejection.invalid(RightsCodes.INVALID_GRANT, "terms", "the terms of the grant are required");
        }
        if (grantors == null || grantors.isEmpty()) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_GRANTOR, "grantors", "at least one granting organization is required");
        }
        GrantType type = type(terms.type());
        GrantScope scope = scope(terms.scope());
        if ((type == GrantType.ASSIGNMENT || type == GrantType.PLEDGE) && !coversWholeAsset(scope)) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_SCOPE,
                    "scope",
                    "an assignment or a pledge covers the whole asset: fields [\"*\"] and territories [\"WORLD\"]");
        }
        if (type == GrantType.ASSIGNMENT && !scope.start().equals(today)) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERM,
                    "scope.start",
                    "an assignment moves ownership when it is recorded, so it starts today (" + today + ")");
        }
        String grantee = anyBuyer ? PROSPECTIVE_BUYER : grantee(terms.granteeId(), grantors);
        return new ProposedGrant(
                type, grantors, grantee, scope, terms.sublicensable(), terms.pledgeeConsent(), terms.parentGrantId());
    }

    /**
     * A proposal for an offer whose buyer is not known yet (a listing): the grantee is a stand-in that no rule
     * reads, since no conflict depends on who receives a grant that is not a sublicence.
     */
    ProposedGrant offerProposal(GrantKind kind, GrantScope scope, Set<String> grantors, LocalDate today) {
        return proposal(new GrantTerms(kind, null, scope, false, false, null), grantors, today, true);
    }

    private static GrantType type(GrantKind kind) {
        if (kind == null) {
            throw Rejection.invalid(RightsCodes.INVALID_GRANT_TYPE, "type", "a grant type is required");
        }
        if (kind == GrantKind.OPEN_LICENCE) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_GRANT_TYPE,
                    "type",
                    "an open licence is taken under the asset's declaration: POST /api/v1/assets/{id}/open-licence/licences");
        }
        return GrantType.valueOf(kind.name());
    }

    private GrantScope scope(GrantScope scope) {
        if (scope == null) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_SCOPE, "scope", "a scope {fields, territories, start, end} is required");
        }
        return Scopes.parse(scope.fields(), scope.territories(), scope.start(), scope.end(), regions);
    }

    private String grantee(String granteeId, Set<String> grantors) {
        if (granteeId == null || granteeId.isBlank()) {
            throw Rejection.invalid(RightsCodes.INVALID_GRANTEE, "granteeId", "a grantee is required");
        }
        // Read as an Optional and refused here: a refusal from behind the participant module's transactional
        // boundary would mark a caller's transaction rollback-only even if the caller catches it.
        OrganizationSummary grantee = participants
                .organization(granteeId)
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        ParticipantCodes.ORGANIZATION_NOT_FOUND,
                        "Organization " + granteeId + " does not exist",
                        List.of(new Rejection.FieldError("granteeId", "no such organization")),
                        Map.of()));
        if (grantors.contains(grantee.id())) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_GRANTEE, "granteeId", "an organization cannot grant rights to itself");
        }
        if (!grantee.status().mayTrade()) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    RightsCodes.GRANTEE_NOT_VERIFIED,
                    "The grantee is " + grantee.status() + "; rights are granted only to verified organizations");
        }
        return grantee.id();
    }

    private static boolean coversWholeAsset(GrantScope scope) {
        return scope.coversAllFields() && scope.coversWholeWorld();
    }
}
