package org.techmarket.asset.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.LegalStatus;
import org.techmarket.shared.Rejection;

/**
 * A registered technology asset. Its owners' shares sum to exactly 100 percent; a patent carries a valid
 * patent number; every change bumps the version, which clients quote in {@code If-Match}.
 */
public record Asset(String id, AssetDetails details, List<OwnerShare> owners, String registeredBy, Instant createdAt,
        Instant updatedAt, long version) {

    public boolean ownedBy(String organizationId) {
        return owners.stream().anyMatch(o -> o.organizationId().equals(organizationId));
    }

    /**
     * The asset after {@code assignors} assigned their whole shares to {@code assignee}: the assignee holds them
     * together with any share it held already, the other co-owners keep theirs, and the version moves on.
     */
    public Asset assignedTo(String assignee, Set<String> assignors, Instant at) {
        if (assignee == null || assignee.isBlank() || assignors == null || assignors.isEmpty()) {
            throw Rejection.invalid("INVALID_ASSIGNMENT", "assignors", "an assignment names its assignors and assignee");
        }
        if (assignors.contains(assignee)) {
            throw Rejection.invalid("INVALID_ASSIGNMENT", "assignee", "an owner cannot assign its share to itself");
        }
        List<String> strangers = assignors.stream().filter(org -> !ownedBy(org)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw Rejection.conflict("ASSIGNOR_NOT_OWNER", "Only owners assign their shares; " + strangers
                    + " own no share of asset " + id);
        }
        int assigned = 0;
        List<OwnerShare> after = new ArrayList<>();
        for (OwnerShare owner : owners) {
            if (assignors.contains(owner.organizationId()) || owner.organizationId().equals(assignee)) {
                assigned += owner.hundredths();
            } else {
                after.add(owner);
            }
        }
        after.add(0, new OwnerShare(assignee, assigned));
        return new Asset(id, details, List.copyOf(after), registeredBy, createdAt, at, version + 1);
    }

    public AssetSummary summary() {
        Map<String, Integer> shares = owners.stream()
                .collect(Collectors.toUnmodifiableMap(OwnerShare::organizationId, OwnerShare::hundredths));
        return new AssetSummary(id, details.kind(), details.title(), shares, details.legalStatus(),
                details.expiresOn(), details.ipc(), details.industries());
    }

    /** The descriptive part of an asset, as given by its owners. */
    public record AssetDetails(AssetKind kind, String title, String abstractText, String language,
            Optional<String> patentNumber, List<String> ipc, List<String> industries, LegalStatus legalStatus,
            Optional<LocalDate> filedOn, Optional<LocalDate> grantedOn, Optional<LocalDate> expiresOn, int trl) {
    }
}
