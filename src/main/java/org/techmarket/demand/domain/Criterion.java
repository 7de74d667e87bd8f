package org.techmarket.demand.domain;

import org.techmarket.demand.DemandCodes;
import org.techmarket.shared.Rejection;

/** One thing the panel judges a proposal on, and its weight in percent of the whole score. */
public record Criterion(String name, int weight) {

    public Criterion {
        name = Fields.name(name, "criteria.name", 100);
        if (weight < 1 || weight > 100) {
            throw Rejection.invalid(
                    DemandCodes.CRITERIA_WEIGHTS_NOT_100, "criteria.weight", "a weight is 1 to 100 percent");
        }
    }
}
