package org.techmarket.demand.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a winning price is paid over a challenge's milestones: each milestone's share of the price follows its share of
 * the milestones' total, every share is at least one minor unit, and the shares sum to exactly the price (the last
 * takes what rounding down leaves).
 */
public final class MilestonePayments {

    private MilestonePayments() {}

    /** The amounts in minor units, one per milestone; {@code price} must be at least the number of milestones. */
    public static List<Long> split(long price, List<Long> milestoneAmounts) {
        int n = milestoneAmounts.size();
        if (n == 0 || price < n) {
            throw new IllegalArgumentException("a price of " + price + " cannot pay " + n + " milestones");
        }
        long total = milestoneAmounts.stream().mapToLong(Long::longValue).sum();
        long spread = price - n;
        List<Long> parts = new ArrayList<>(n);
        long given = 0;
        for (int i = 0; i < n - 1; i++) {
            long share = BigInteger.valueOf(spread)
                    .multiply(BigInteger.valueOf(milestoneAmounts.get(i)))
                    .divide(BigInteger.valueOf(total))
                    .longValueExact();
            parts.add(1 + share);
            given += 1 + share;
        }
        parts.add(price - given);
        return List.copyOf(parts);
    }
}
