package org.techmarket.rights.application;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.techmarket.asset.AssetSummary;
import org.techmarket.rights.domain.AssetRights;
import org.techmarket.rights.domain.AssetStatus;

/** Turns what the asset registry says about an asset into what the rights rules need to know. */
final class AssetFacts {

    private AssetFacts() {}

    /**
     * The asset as the rules see it. No co-owner holds recorded authority to grant alone (the registry keeps
     * none yet), so a co-owned asset is granted on by all its owners together, which the Java API allows.
     */
    static AssetRights rightsOf(AssetSummary asset, Set<String> owners, boolean openLicenceDeclared) {
        return new AssetRights(
                owners,
                Optional.empty(),
                AssetStatus.valueOf(asset.legalStatus().name()),
                protectionEnds(asset),
                openLicenceDeclared);
    }

    /**
     * The first day the asset is no longer protected. The registry's {@code expiresOn} is the expiry date
     * without saying whether that day is still protected; reading it as the first unprotected day is the
     * cautious choice (no grant can cover a day that might be unprotected) and lets a client write a grant
     * "until expiry" as {@code end = expiresOn}, since terms are half-open. Unknown expiry: no limit.
     */
    static Optional<LocalDate> protectionEnds(AssetSummary asset) {
        return asset.expiresOn();
    }
}
