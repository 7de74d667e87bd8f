package org.techmarket.asset;

import java.time.LocalDate;
import java.util.Optional;

/** What an asset's public page says beyond its summary: the abstract (or claims), its number, dates and readiness. */
public record AssetDescription(
        AssetSummary summary,
        String abstractText,
        Optional<String> patentNumber,
        Optional<LocalDate> filedOn,
        Optional<LocalDate> grantedOn,
        int trl) {}
