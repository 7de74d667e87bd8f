package org.techmarket.deal.application;

import java.time.Duration;

/**
 * How the venue runs deals: its fee on what sellers receive (basis points), how long a buyer has to fund a signed
 * deal, and how many days a buyer has to accept a delivery before it counts as accepted.
 */
public record DealSettings(int feeBasisPoints, Duration fundingPeriod, int acceptancePeriodDays) {

    public DealSettings {
        if (fundingPeriod.isNegative() || fundingPeriod.isZero()) {
            throw new IllegalArgumentException("techmarket.deal.funding-period must be positive");
        }
    }
}
