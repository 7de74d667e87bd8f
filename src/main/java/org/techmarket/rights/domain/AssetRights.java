package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * What the rules need to know about the asset itself: its current owners, which co-owner (if any) the
 * others have authorised to grant alone, its legal status, the first day it is no longer protected (if
 * known) and whether an open-licence declaration stands.
 */
public record AssetRights(
        Set<String> owners,
        Optional<String> authorisedOwner,
        AssetStatus status,
        Optional<LocalDate> protectionEnds,
        boolean openLicenceDeclared) {

    /** Rejects an asset without owners, or an authority held by someone who is not an owner. */
    public AssetRights {
        if (owners == null || owners.isEmpty()) {
            throw Rejection.invalid(RightsCodes.INVALID_OWNERS, "owners", "an asset has at least one owner");
        }
        owners = Set.copyOf(owners);
        Objects.requireNonNull(authorisedOwner, "authorisedOwner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(protectionEnds, "protectionEnds");
        if (authorisedOwner.isPresent() && !owners.contains(authorisedOwner.get())) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_AUTHORITY,
                    "authorisedOwner",
                    authorisedOwner.get() + " is not an owner, so the owners cannot authorise it to grant alone");
        }
    }

    /** A single owner, granted, with no authority recorded and no open licence declared. */
    public static AssetRights ownedBy(String owner, AssetStatus status, Optional<LocalDate> protectionEnds) {
        return new AssetRights(Set.of(owner), Optional.empty(), status, protectionEnds, false);
    }

    /**
     * Rule 5 for the owners: {@code acting} may grant when all of them are owners and either all owners
     * act together or one of them holds the authority the others recorded.
     */
    public boolean mayGrant(Set<String> acting) {
        return owners.containsAll(acting)
                && (acting.containsAll(owners)
                        || authorisedOwner.filter(acting::contains).isPresent());
    }

    /** The asset after an assignment to {@code newOwner}: the old owners' authority no longer applies. */
    public AssetRights assignedTo(String newOwner) {
        return new AssetRights(Set.of(newOwner), Optional.empty(), status, protectionEnds, openLicenceDeclared);
    }

    /** The asset with its open-licence declaration made or withdrawn. */
    public AssetRights withOpenLicenceDeclared(boolean declared) {
        return new AssetRights(owners, authorisedOwner, status, protectionEnds, declared);
    }
}
