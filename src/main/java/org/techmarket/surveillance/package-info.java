/**
 * Market surveillance: the relations between organizations, detectors of shill bidding, bid rotation, wash trades,
 * concentration and outlying prices, and the alerts operators and regulators review.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "listing", "participant", "shared :: jobs"})
package org.techmarket.surveillance;
