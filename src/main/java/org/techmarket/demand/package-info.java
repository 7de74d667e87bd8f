/**
 * Technology needs and challenges (揭榜挂帅): organizations post what they need, challenges add a held reward,
 * milestones, criteria and a panel; verified organizations propose, the panel scores, the poster selects a winner whose
 * development deal the deal module opens; and the market matches needs to assets and organizations.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "deal", "ledger", "participant", "reference", "search", "shared :: jobs"})
package org.techmarket.demand;
