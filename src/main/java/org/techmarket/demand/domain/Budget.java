package org.techmarket.demand.domain;

import org.techmarket.demand.DemandCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** What the poster means to spend: from {@code min} to {@code max}, in one currency, never negative. */
public record Budget(Money min, Money max) {

    public Budget {
        Fields.present(min, "budget.min");
        Fields.present(max, "budget.max");
        min.requireSameCurrency(max);
        if (min.minor() < 0 || max.minor() < min.minor() || !max.isPositive()) {
            throw Rejection.invalid(
                    DemandCodes.INVALID_BUDGET,
                    "budget",
                    "a budget runs from a minimum of zero or more to a maximum above zero and not below the minimum");
        }
    }

    public String currency() {
        return min.currency();
    }

    /** Whether a price lies within the budget (at or under its maximum). */
    public boolean affords(long price) {
        return price <= max.minor();
    }
}
