/**
 * A demonstration market: organizations, bundled patents and Chinese-language assets, traded through the API when
 * enabled.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"asset", "participant", "reference", "shared :: jobs"})
package org.techmarket.demo;
