package org.techmarket.deal;

import java.time.LocalDate;
import java.util.Optional;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/**
 * A completed deal on one asset, as evidence of what such an asset fetches: the right granted, the price paid, the
 * day the deal completed, the scope's end for a licence, and the royalty rate in basis points when it carries one.
 */
public record CompletedDeal(
        String dealId,
        String assetId,
        GrantKind grantKind,
        Money price,
        LocalDate completedOn,
        Optional<LocalDate> scopeEnd,
        Optional<Integer> royaltyBasisPoints) {}
