/** Deals struck on listings: contracts, signatures, registration, settlement, payment schedules and royalties. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "audit", "ledger", "listing", "participant", "rights", "shared :: jobs"})
package org.techmarket.deal;
