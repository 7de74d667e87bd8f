package org.techmarket.asset;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What other modules may know of an asset: its kind, owners with shares (hundredths of a percent) and standing. */
public record AssetSummary(
        String id,
        AssetKind kind,
        String title,
        Map<String, Integer> ownerShares,
        LegalStatus legalStatus,
        Optional<LocalDate> expiresOn,
        List<String> ipc,
        List<String> industries) {}
