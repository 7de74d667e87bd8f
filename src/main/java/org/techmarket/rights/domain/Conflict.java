package org.techmarket.rights.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a grant cannot be made: either a clash with an existing grant (then {@code grantId} and
 * {@code grantType} name it) or a problem with the asset or the request itself (then both are empty).
 */
public record Conflict(Optional<String> grantId, Optional<GrantType> grantType, ConflictReason reason, String message) {

    public Conflict {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** A clash with an existing grant. */
    public static Conflict withGrant(Grant grant, ConflictReason reason, String message) {
        return new Conflict(Optional.of(grant.id()), Optional.of(grant.type()), reason, message);
    }

    /** A problem with the asset or with the request as a whole, not with any one grant. */
    public static Conflict withAsset(ConflictReason reason, String message) {
        return new Conflict(Optional.empty(), Optional.empty(), reason, message);
    }
}
