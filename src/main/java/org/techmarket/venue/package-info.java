/**
 * Venues: the regional exchanges of one market, their fee schedules and rulebooks, cross-listings between them, how a
 * fee is shared with the venue that introduced the buyer, concerns about one another's verifications, per-venue
 * figures and a pull feed of the market's public events.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "deal", "listing", "participant", "reference", "rights"})
package org.techmarket.venue;
