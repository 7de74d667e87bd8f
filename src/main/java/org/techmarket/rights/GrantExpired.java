package org.techmarket.rights;

import java.time.LocalDate;

/** A grant's term ran out: it holds nothing from {@code endedOn} (its exclusive end) on. */
public record GrantExpired(String grantId, String assetId, LocalDate endedOn) {}
