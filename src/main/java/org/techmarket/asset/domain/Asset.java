package org.techmarket.asset.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.techmarket.asset.AssetCodes;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.LegalStatus;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A registered technology asset. Its owners' shares sum to exactly 100 percent; a patent carries a valid
 * patent number; every change bumps the version, which clients quote in {@code If-Match}. The registrant's share is
 * confirmed when it registers; every other owner it names confirms its own, and until all have the registration is
 * PENDING and the asset cannot be listed, licensed or assigned. One co-owner declining makes the registration void.
 */
public record Asset(
        String id,
        AssetDetails details,
        List<OwnerShare> owners,
        String registeredBy,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Set<String> confirmedOwners,
        RegistrationStatus registration) {

    public Asset {
        owners = List.copyOf(owners);
        confirmedOwners = Set.copyOf(confirmedOwners);
    }

    /** An asset whose every owner has confirmed its share. */
    public Asset(
            String id,
            AssetDetails details,
            List<OwnerShare> owners,
            String registeredBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this(
                id,
                details,
                owners,
                registeredBy,
                createdAt,
                updatedAt,
                version,
                owners.stream().map(OwnerShare::organizationId).collect(Collectors.toSet()),
                RegistrationStatus.CONFIRMED);
    }

    /** A new registration by {@code registrant}, confirmed at once unless it names other owners. */
    public static Asset registered(
            String id, AssetDetails details, List<OwnerShare> owners, String registrant, Instant at) {
        boolean alone = owners.stream().allMatch(o -> o.organizationId().equals(registrant));
        return new Asset(
                id,
                details,
                owners,
                registrant,
                at,
                at,
                1,
                Set.of(registrant),
                alone ? RegistrationStatus.CONFIRMED : RegistrationStatus.PENDING);
    }

    public boolean ownedBy(String organizationId) {
        return owners.stream().anyMatch(o -> o.organizationId().equals(organizationId));
    }

    /** Whether {@code organizationId} owns a share it has confirmed. */
    public boolean confirmedOwner(String organizationId) {
        return ownedBy(organizationId) && confirmedOwners.contains(organizationId);
    }

    /** The owners yet to confirm their shares, in the order listed. */
    public List<String> pendingOwners() {
        return owners.stream()
                .map(OwnerShare::organizationId)
                .filter(o -> !confirmedOwners.contains(o))
                .toList();
    }

    /** The asset once {@code organizationId} confirmed its share; CONFIRMED when it was the last to. */
    public Asset confirmedBy(String organizationId, Instant at) {
        requirePendingOwner(organizationId);
        Set<String> confirmed = new HashSet<>(confirmedOwners);
        confirmed.add(organizationId);
        boolean all = owners.stream().allMatch(o -> confirmed.contains(o.organizationId()));
        RegistrationStatus next = all ? registration.transitionTo(RegistrationStatus.CONFIRMED) : registration;
        return new Asset(id, details, owners, registeredBy, createdAt, at, version + 1, confirmed, next);
    }

    /** The asset once {@code organizationId} declined the share it was named for: the registration is void. */
    public Asset declinedBy(String organizationId, Instant at) {
        requirePendingOwner(organizationId);
        return new Asset(
                id,
                details,
                owners,
                registeredBy,
                createdAt,
                at,
                version + 1,
                confirmedOwners,
                registration.transitionTo(RegistrationStatus.DECLINED));
    }

    /** The asset after an upheld ownership dispute: {@code owner} holds it whole, and its registration stands. */
    public Asset correctedTo(String owner, Instant at) {
        if (registration == RegistrationStatus.DECLINED) {
            throw refusalToTrade().orElseThrow();
        }
        return new Asset(
                id,
                details,
                List.of(new OwnerShare(owner, OwnerShare.WHOLE)),
                registeredBy,
                createdAt,
                at,
                version + 1,
                Set.of(owner),
                RegistrationStatus.CONFIRMED);
    }

    /** Why the asset cannot be listed, licensed or assigned as registered, if it cannot. */
    public Optional<Rejection> refusalToTrade() {
        return switch (registration) {
            case CONFIRMED -> Optional.empty();
            case PENDING ->
                Optional.of(new Rejection(
                        Rejection.Kind.CONFLICT,
                        AssetCodes.CO_OWNERS_NOT_CONFIRMED,
                        "Asset " + id + " waits for its co-owners to confirm their shares: " + pendingOwners(),
                        List.of(),
                        Map.of("pendingOwners", pendingOwners())));
            case DECLINED ->
                Optional.of(Rejection.conflict(
                        AssetCodes.REGISTRATION_DECLINED,
                        "The registration of asset " + id + " was declined by a co-owner it named and is void"));
        };
    }

    private void requirePendingOwner(String organizationId) {
        if (!ownedBy(organizationId)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    AssetCodes.NOT_A_CO_OWNER,
                    "Your organization is not named as an owner of asset " + id);
        }
        if (confirmedOwners.contains(organizationId)) {
            throw Rejection.conflict(
                    AssetCodes.CO_OWNERSHIP_ALREADY_CONFIRMED,
                    "Your organization has confirmed its share of asset " + id + " already");
        }
        if (registration != RegistrationStatus.PENDING) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION,
                    "The registration of asset " + id + " is " + registration + "; nothing is left to confirm");
        }
    }

    /**
     * The asset after {@code assignors} assigned their whole shares to {@code assignee}: the assignee holds them
     * together with any share it held already, the other co-owners keep theirs, and the version moves on.
     */
    public Asset assignedTo(String assignee, Set<String> assignors, Instant at) {
        if (assignee == null || assignee.isBlank() || assignors == null || assignors.isEmpty()) {
            throw Rejection.invalid(
                    AssetCodes.INVALID_ASSIGNMENT, "assignors", "an assignment names its assignors and assignee");
        }
        if (assignors.contains(assignee)) {
            throw Rejection.invalid(
                    AssetCodes.INVALID_ASSIGNMENT, "assignee", "an owner cannot assign its share to itself");
        }
        List<String> strangers =
                assignors.stream().filter(org -> !ownedBy(org)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw Rejection.conflict(
                    AssetCodes.ASSIGNOR_NOT_OWNER,
                    "Only owners assign their shares; " + strangers + " own no share of asset " + id);
        }
        int assigned = 0;
        List<OwnerShare> after = new ArrayList<>();
        for (OwnerShare owner : owners) {
            if (assignors.contains(owner.organizationId())
                    || owner.organizationId().equals(assignee)) {
                assigned += owner.hundredths();
            } else {
                after.add(owner);
            }
        }
        after.add(0, new OwnerShare(assignee, assigned));
        Set<String> confirmed = new HashSet<>(confirmedOwners);
        confirmed.removeAll(assignors);
        confirmed.add(assignee);
        return new Asset(
                id, details, List.copyOf(after), registeredBy, createdAt, at, version + 1, confirmed, registration);
    }

    public AssetSummary summary() {
        Map<String, Integer> shares = owners.stream()
                .collect(Collectors.toUnmodifiableMap(OwnerShare::organizationId, OwnerShare::hundredths));
        return new AssetSummary(
                id,
                details.kind(),
                details.title(),
                shares,
                details.legalStatus(),
                details.expiresOn(),
                details.ipc(),
                details.industries());
    }

    /** The descriptive part of an asset, as given by its owners. */
    public record AssetDetails(
            AssetKind kind,
            String title,
            String abstractText,
            String language,
            Optional<String> patentNumber,
            List<String> ipc,
            List<String> industries,
            LegalStatus legalStatus,
            Optional<LocalDate> filedOn,
            Optional<LocalDate> grantedOn,
            Optional<LocalDate> expiresOn,
            int trl) {}
}
