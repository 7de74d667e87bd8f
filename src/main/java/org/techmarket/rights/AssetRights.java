package org.techmarket.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * An asset's rights as its public page shows them, by the API's rules: the grants the reader may see, the open
 * licence its owners offer, and taking that licence.
 */
public interface AssetRights {

    /**
     * An open licence that stands: what a taker pays (a lump sum, or a revenue share with a minimum per year) and
     * the scope a licence taken today would cover.
     */
    record OpenOffer(
            String id,
            Optional<Money> lumpSum,
            Optional<String> revenuePercent,
            Optional<Money> minimumPerYear,
            GrantScope scopeTakenToday,
            Instant declaredAt) {}

    /**
     * The asset's grants the reader may see, oldest first, at most {@code limit}: all of them for its owners,
     * operators and regulators, the grants it made or holds for another organization, none for nobody signed in.
     */
    List<GrantSummary> grants(Actor reader, String assetId, int limit);

    /** The open licence the asset's owners offer now, if any. */
    Optional<OpenOffer> openLicence(AssetSummary asset);

    /** The reader's organization takes the asset's open licence, as the API's taking does; the licence granted. */
    GrantSummary takeOpenLicence(Actor taker, String assetId);
}
