/**
 * Grants over assets (assignments, licences, pledges) and the conflict rules that decide whether a new one may be
 * made.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "audit", "participant", "reference", "shared :: jobs"})
package org.techmarket.rights;
