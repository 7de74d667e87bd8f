package org.techmarket.rights;

/** An organization took a declared open licence; {@code amountDueMinorUnits} is owed to the owners and not yet settled. */
public record OpenLicenceTaken(String grantId, String declarationId, String assetId, String licenseeId,
        long amountDueMinorUnits, String currency) {
}
