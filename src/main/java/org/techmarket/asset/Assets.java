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

    /**
     * Records, in the caller's transaction, that {@code assignorIds} assigned their whole shares of the asset to
     * {@code assigneeId} by the rights grant {@code grantId}: the assignee holds those shares (with any it held
     * already), other co-owners keep theirs, the version moves on, and {@code AssetOwnershipTransferred} is audited.
     * Refused with {@code ASSIGNOR_NOT_OWNER} when an assignor owns no share.
     */
    AssetSummary recordAssignment(String actor, String assetId, java.util.Set<String> assignorIds, String assigneeId,
            String grantId);
}
