package org.techmarket.valuation;

import java.time.LocalDate;
import java.util.Optional;
import org.techmarket.shared.Money;

/** The valuation reports as other modules may cite them: an asset's latest report, for instance to secure a loan. */
public interface AssetValuations {

    /** The latest report on the asset, if it has one. */
    Optional<Latest> latest(String assetId);

    /** A report's id, the value it concluded and its valuation date. */
    record Latest(String id, String assetId, Money value, LocalDate valuationDate) {}
}
