package org.techmarket.asset;

import java.util.Optional;

/** The asset registry as other modules see it. */
public interface Assets {

    Optional<AssetSummary> find(String assetId);
}
