package org.techmarket.valuation.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The asset valued: its id and, for a patent, the day its protection ends. */
public record Subject(String assetId, Optional<LocalDate> expiresOn) {}
