package org.techmarket.rights.domain;

import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * A grant someone asks to make. {@code grantors} are the organizations acting: the requesting owner (or
 * all co-owners), or for a sublicence the holder of {@code parentGrantId}. When a buyer takes a declared
 * open licence the declaration is the owners' act, so the owners are the grantors.
 */
public record ProposedGrant(
        GrantType type,
        Set<String> grantors,
        String grantee,
        GrantScope scope,
        boolean sublicensable,
        boolean pledgeeConsent,
        Optional<String> parentGrantId) {

    /** Rejects a request that is incomplete or ill-formed, whatever the asset's state. */
    public ProposedGrant {
        if (type == null) {
            throw Rejection.invalid(RightsCodes.INVALID_GRANT_TYPE, "type", "a grant type is required");
        }
        if (grantors == null || grantors.isEmpty() || grantors.stream().anyMatch(g -> g == null || g.isBlank())) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_GRANTOR, "grantors", "at least one granting organization is required");
        }
        if (grantee == null || grantee.isBlank()) {
            throw Rejection.invalid(RightsCodes.INVALID_GRANTEE, "granteeId", "a grantee is required");
        }
        if (scope == null) {
            throw Rejection.invalid(RightsCodes.INVALID_SCOPE, "scope", "a scope is required");
        }
        if (parentGrantId == null) {
            parentGrantId = Optional.empty();
        }
        if (parentGrantId.isPresent() && !type.isLicence()) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_PARENT_GRANT,
                    "parentGrantId",
                    "only a licence can be sublicensed; a " + type + " cannot have a parent grant");
        }
        grantors = Set.copyOf(grantors);
    }

    /** The days the proposed grant would cover. */
    public Term term() {
        return Scopes.term(scope);
    }

    /** The grant this proposal becomes once the checker found it grantable. */
    public Grant toGrant(String id) {
        return new Grant(
                id,
                type,
                grantors,
                grantee,
                scope,
                sublicensable,
                GrantStatus.ACTIVE,
                pledgeeConsent,
                Optional.empty(),
                parentGrantId);
    }
}
