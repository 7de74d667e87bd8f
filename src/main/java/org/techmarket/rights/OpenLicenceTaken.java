package org.techmarket.rights;

import java.util.Optional;

/**
 * An organization took a declared open licence; {@code amountDueMinorUnits} is owed to the owners and not yet
 * settled. When the declared royalty is a share of revenue, {@code revenueShare} carries its rate and yearly minimum.
 */
public record OpenLicenceTaken(String grantId, String declarationId, String assetId, String licenseeId,
        long amountDueMinorUnits, String currency, Optional<RevenueShare> revenueShare) {

    /** A royalty of {@code basisPoints} of the licensee's revenue, at least {@code minimumPerYearMinorUnits} a year. */
    public record RevenueShare(int basisPoints, long minimumPerYearMinorUnits) {}

    /** A licence paid by its amount due alone. */
    public OpenLicenceTaken(String grantId, String declarationId, String assetId, String licenseeId,
            long amountDueMinorUnits, String currency) {
        this(grantId, declarationId, assetId, licenseeId, amountDueMinorUnits, currency, Optional.empty());
    }
}
