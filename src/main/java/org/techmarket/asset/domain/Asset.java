package org.techmarket.asset.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.techmarket.asset.AssetKind;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.LegalStatus;

/**
 * A registered technology asset. Its owners' shares sum to exactly 100 percent; a patent carries a valid
 * patent number; every change bumps the version, which clients quote in {@code If-Match}.
 */
public record Asset(String id, AssetDetails details, List<OwnerShare> owners, String registeredBy, Instant createdAt,
        Instant updatedAt, long version) {

    public boolean ownedBy(String organizationId) {
        return owners.stream().anyMatch(o -> o.organizationId().equals(organizationId));
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
