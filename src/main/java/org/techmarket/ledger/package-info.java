/** Double-entry accounts, holds and two-phase transfers that carry the market's money. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "participant", "shared :: jobs"})
package org.techmarket.ledger;
