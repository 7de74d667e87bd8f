package org.techmarket.financing.domain;

import java.util.Objects;
import java.util.Optional;
import org.techmarket.shared.Money;

/** An asset offered as security, with the latest valuation report it had when the request was made, if any. */
public record Collateral(String assetId, Optional<String> valuationId, Optional<Money> valuation) {

    public Collateral {
        Objects.requireNonNull(assetId, "assetId");
        if (valuationId.isPresent() != valuation.isPresent()) {
            throw new IllegalArgumentException("collateral " + assetId + ": a valuation needs its report and value");
        }
    }
}
