package org.techmarket.rights;

import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * An organization took a declared open licence; {@code amountDue} is owed to the owners and not yet settled. When
 * the declared royalty is a share of revenue, {@code revenueShare} carries its rate and yearly minimum.
 */
public record OpenLicenceTaken(
        String grantId,
        String declarationId,
        String assetId,
        String licenseeId,
        Money amountDue,
        Optional<RevenueShare> revenueShare) {

    /** A royalty of {@code basisPoints} of the licensee's revenue, at least {@code minimumPerYear} a year. */
    public record RevenueShare(int basisPoints, Money minimumPerYear) {}

    /** A licence paid by its amount due alone. */
    public OpenLicenceTaken(String grantId, String declarationId, String assetId, String licenseeId, Money amountDue) {
        this(grantId, declarationId, assetId, licenseeId, amountDue, Optional.empty());
    }
}
