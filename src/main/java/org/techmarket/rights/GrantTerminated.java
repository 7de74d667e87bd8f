package org.techmarket.rights;

import java.time.LocalDate;

/** A grant was ended early; it frees its scope from {@code effectiveOn}. */
public record GrantTerminated(String grantId, String assetId, LocalDate effectiveOn, String reason) {}
