package org.techmarket.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.techmarket.shared.Money;

/**
 * What other modules may know of a recorded grant: its parties, scope and standing, the termination (if any),
 * and for an open licence the declaration it was taken under and the amount due.
 */
public record GrantSummary(
        String id,
        String assetId,
        GrantKind type,
        Set<String> grantorIds,
        String granteeId,
        GrantScope scope,
        boolean sublicensable,
        boolean pledgeeConsent,
        String status,
        Optional<LocalDate> terminatedFrom,
        Optional<String> terminationReason,
        Optional<String> parentGrantId,
        Optional<String> openLicenceId,
        Optional<Money> amountDue,
        Optional<String> causeId,
        Instant createdAt,
        long version) {}
