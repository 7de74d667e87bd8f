/**
 * Listings of assets for sale or licence and the mechanisms that discover their price: auctions, fixed prices and
 * negotiation.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "audit", "ledger", "participant", "rights", "shared :: jobs"})
package org.techmarket.listing;
