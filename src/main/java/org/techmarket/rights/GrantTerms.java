package org.techmarket.rights;

import java.util.Optional;

/** What a grant would give, to whom: its kind, grantee, scope, flags and, for a sublicence, the licence it is carved from. */
public record GrantTerms(
        GrantKind type,
        String granteeId,
        GrantScope scope,
        boolean sublicensable,
        boolean pledgeeConsent,
        Optional<String> parentGrantId) {

    public GrantTerms {
        parentGrantId = parentGrantId == null ? Optional.empty() : parentGrantId;
    }
}
