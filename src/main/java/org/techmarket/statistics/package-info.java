/**
 * What the market does, counted: read models of deals, flows between provinces, the listing funnel, prices and open
 * licences, kept up to date by the other modules' events and published as open data.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "deal", "listing", "reference", "rights", "shared :: jobs"})
package org.techmarket.statistics;
