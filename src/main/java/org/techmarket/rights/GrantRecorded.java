package org.techmarket.rights;

import java.time.Instant;
import java.util.Optional;

/** A grant was recorded on an asset (by its owners, a licensee, a deal, or an open-licence taker). */
public record GrantRecorded(
        String grantId,
        String assetId,
        GrantKind type,
        String granteeId,
        Optional<String> causeId,
        Instant recordedAt) {}
