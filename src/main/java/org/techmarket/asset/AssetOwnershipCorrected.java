package org.techmarket.asset;

import java.time.Instant;
import java.util.List;

/**
 * An operator upheld an ownership dispute: {@code ownerId} is now the asset's sole owner of record and
 * {@code formerOwners} (sorted) no longer own it, as after an assignment of their shares.
 */
public record AssetOwnershipCorrected(
        String assetId, String disputeId, List<String> formerOwners, String ownerId, Instant correctedAt) {

    public AssetOwnershipCorrected {
        formerOwners = List.copyOf(formerOwners);
    }
}
