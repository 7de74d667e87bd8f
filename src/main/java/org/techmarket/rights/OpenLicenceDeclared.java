package org.techmarket.rights;

import java.util.Optional;

/** An owner declared an open licence on a patent, replacing {@code replacedId} if one stood. */
public record OpenLicenceDeclared(String declarationId, String assetId, Optional<String> replacedId) {}
