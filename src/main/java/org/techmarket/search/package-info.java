/**
 * Finding technology: a full-text and meaning index over the market's assets, listings, organizations, needs and
 * challenges, fed from a durable change feed in PostgreSQL. A module whose items are searchable provides a
 * {@link org.techmarket.search.SearchSource}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "audit", "listing", "participant", "reference", "shared :: jobs"})
package org.techmarket.search;
