package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cost approach: what it would cost today to reproduce the asset, less the part of that cost its obsolescence
 * (functional and economic, as one fraction) has taken away. Without a reproduction cost there is no indication.
 */
public final class CostApproach {

    private CostApproach() {}

    public static Indication value(ValuationInputs inputs) {
        if (inputs.reproductionCost().isEmpty()) {
            return new Indication(Approach.COST, Optional.empty(), "no reproduction cost given");
        }
        BigDecimal kept = BigDecimal.ONE.subtract(inputs.obsolescence());
        long value =
                Fen.round(BigDecimal.valueOf(inputs.reproductionCost().get()).multiply(kept));
        return new Indication(
                Approach.COST,
                Optional.of(value),
                "reproduction cost less " + inputs.obsolescence().toPlainString() + " obsolescence; a cost says"
                        + " little of what an asset earns, so it weighs least");
    }
}
