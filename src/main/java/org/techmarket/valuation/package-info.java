/**
 * What an asset is worth: market, income and cost approaches on the market's own completed deals, reconciled into
 * a stored, audited report.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"asset", "audit", "deal", "rights"})
package org.techmarket.valuation;
