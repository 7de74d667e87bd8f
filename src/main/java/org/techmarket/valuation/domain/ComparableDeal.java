package org.techmarket.valuation.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.techmarket.rights.GrantKind;

/**
 * A completed deal on an asset like the one valued: the right it granted, its price in fen, when it completed, the
 * licence's end if any, the traded asset's expiry, and its royalty rate in basis points if it carries one.
 */
public record ComparableDeal(
        String dealId,
        String assetId,
        GrantKind grantKind,
        long priceFen,
        LocalDate completedOn,
        Optional<LocalDate> scopeEnd,
        Optional<LocalDate> assetExpiresOn,
        Optional<Integer> royaltyBasisPoints) {

    /** The last day the buyer held what it bought: the licence's end or the asset's expiry, whichever comes first. */
    Optional<LocalDate> heldUntil() {
        if (scopeEnd.isPresent() && assetExpiresOn.isPresent()) {
            return Optional.of(scopeEnd.get().isBefore(assetExpiresOn.get()) ? scopeEnd.get() : assetExpiresOn.get());
        }
        return scopeEnd.isPresent() ? scopeEnd : assetExpiresOn;
    }
}
