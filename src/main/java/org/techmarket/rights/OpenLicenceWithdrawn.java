package org.techmarket.rights;

/** An open-licence declaration was withdrawn: no new takers; licences already taken survive. */
public record OpenLicenceWithdrawn(String declarationId, String assetId) {}
