package org.techmarket.deal.domain;

import java.util.Optional;

/**
 * An asset a contract is about, as the contract names it: registry id, title and, for a patent or application,
 * its number (already normalized by the asset registry).
 */
public record ContractAsset(String assetId, String title, Optional<String> patentNumber) {

    public ContractAsset {
        assetId = Require.text(assetId, "assets.assetId", 100);
        title = Require.text(title, "assets.title", 500);
        patentNumber = patentNumber == null
                ? Optional.empty()
                : patentNumber.filter(n -> !n.isBlank()).map(n -> Require.text(n, "assets.patentNumber", 40));
    }

    public static ContractAsset knowHow(String assetId, String title) {
        return new ContractAsset(assetId, title, Optional.empty());
    }

    public static ContractAsset patent(String assetId, String title, String patentNumber) {
        return new ContractAsset(assetId, title, Optional.of(patentNumber));
    }
}
