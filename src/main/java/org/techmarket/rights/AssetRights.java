package org.techmarket.rights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

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
     * What the asset's page shows of its rights: the grants the reader may see, oldest first (all of them for its
     * owners, operators and regulators, the grants it made or holds for another organization, none for nobody signed
     * in); the open licence its owners offer now, if any; and whether they could make each kind of grant asked about
     * (none asked about for an asset not in force).
     */
    record Glance(List<GrantSummary> grants, Optional<OpenOffer> openLicence, Map<GrantKind, RightsCheck> grantable) {}

    /** A {@link Glance} half read: what could be read before the asset was. */
    interface GlanceReads {

        /**
         * Adds to {@code batch}, sent after the first, what the glance reads once the asset is known: at most
         * {@code limit} of the grants the reader may see, and the grants that could stand in the way of each of
         * {@code kinds} over {@code over}, when it is given.
         */
        ReadsTogether.Later<Glance> then(
                Actor reader,
                AssetSummary asset,
                int limit,
                List<GrantKind> kinds,
                Optional<GrantScope> over,
                ReadsTogether.Batch batch);
    }

    /**
     * The first read of the asset's {@link Glance}, added to {@code batch} beside the asset's own read: its standing
     * open-licence declaration. Both reads open no transaction of their own.
     */
    GlanceReads glance(String assetId, ReadsTogether.Batch batch);

    /** The reader's organization takes the asset's open licence, as the API's taking does; the licence granted. */
    GrantSummary takeOpenLicence(Actor taker, String assetId);
}
