package org.techmarket.asset;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;

/** The asset registry as other modules see it. */
public interface Assets {

    Optional<AssetSummary> find(String assetId);

    /** The assets of these ids that exist, by id, read together: a page's assets in a constant number of queries. */
    Map<String, AssetSummary> findAll(Collection<String> assetIds);

    /** As {@link #findAll(Collection)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Map<String, AssetSummary>> findAll(Collection<String> assetIds, ReadsTogether.Batch batch);

    /** Whether the organization owns a share of any of these assets (confirmed or not), asked in one statement. */
    boolean anyOwnedBy(Collection<String> assetIds, String organizationId);

    /** The asset with its abstract, number, dates and readiness, as its public page shows it; empty when unknown. */
    Optional<AssetDescription> describe(String assetId);

    /** As {@link #describe(String)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Optional<AssetDescription>> describe(String assetId, ReadsTogether.Batch batch);

    /** The asset's normalized patent number; empty for an asset that is not a patent or does not exist. */
    Optional<String> patentNumber(String assetId);

    /** How many assets are registered, and the {@code count} most recently registered, newest first. */
    record Newest(long registered, java.util.List<AssetBrief> assets) {}

    /**
     * How many assets are registered and the newest {@code count} of them, with only what a list of them shows (no
     * abstract, no owners), read in one statement.
     */
    Newest newest(int count);

    /** As {@link #newest(int)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Newest> newest(int count, ReadsTogether.Batch batch);

    /**
     * The asset and those like it, at most {@code limit} of them, the newest first: assets sharing an IPC main group
     * with it (such as {@code G06N 3}), or of its kind sharing a future industry; a void registration is none. Empty
     * for an unknown asset.
     */
    java.util.List<AssetSummary> alike(String assetId, int limit);

    /**
     * Refuses, in the caller's transaction, an asset that may not be listed, licensed or assigned now: 409
     * {@code CO_OWNERS_NOT_CONFIRMED} while co-owners named at registration have not confirmed their shares,
     * {@code REGISTRATION_DECLINED} when one declined, {@code OWNERSHIP_CONTESTED} while an ownership dispute is open;
     * 404 for an unknown asset. Until the caller's transaction ends, no dispute can be filed on the asset.
     */
    void requireTradeable(String assetId);

    /** As {@link #requireTradeable}, and the asset as read under its share lock. */
    AssetSummary tradeable(String assetId);

    /** Registers an asset on behalf of an owner's user and returns its id. */
    String registerAsset(Actor actor, AssetInput input);

    /**
     * Records, in the caller's transaction, that {@code assignorIds} assigned their whole shares of the asset to
     * {@code assigneeId} by the rights grant {@code grantId}: the assignee holds those shares (with any it held
     * already), other co-owners keep theirs, the version moves on, and {@code AssetOwnershipTransferred} is audited.
     * Refused with {@code ASSIGNOR_NOT_OWNER} when an assignor owns no share.
     */
    AssetSummary recordAssignment(
            String actor, String assetId, java.util.Set<String> assignorIds, String assigneeId, String grantId);
}
