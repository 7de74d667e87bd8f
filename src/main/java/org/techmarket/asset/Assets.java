package org.techmarket.asset;

import java.util.Optional;
import org.techmarket.shared.Actor;

/** The asset registry as other modules see it. */
public interface Assets {

    Optional<AssetSummary> find(String assetId);

    /** The asset's normalized patent number; empty for an asset that is not a patent or does not exist. */
    Optional<String> patentNumber(String assetId);

    /** The most recently registered assets, newest first. */
    java.util.List<AssetSummary> newest(int count);

    long count();

    /** Registers an asset on behalf of an owner's user and returns its id. */
    String registerAsset(Actor actor, AssetInput input);
}
