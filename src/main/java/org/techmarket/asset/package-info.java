/** The technology asset registry: kinds, identifiers, IPC codes, future-industry tags and owners. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "participant", "reference"})
package org.techmarket.asset;
