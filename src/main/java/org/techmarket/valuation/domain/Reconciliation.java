package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.valuation.ValuationCodes;

/**
 * Reconciles the approaches into one value and a range. Each approach with an indication has a base weight: the
 * market and the income approach 40 each (the market only 20 on fewer than three comparables), the cost approach
 * 20; an approach without an indication weighs 0. The base weights are scaled to 10,000 basis points (any remainder
 * of the division goes to the first approach that weighs), the value is the weighted mean rounded half up to the
 * fen, and the range runs from the least to the greatest indication that weighs.
 */
public final class Reconciliation {

    static final int MARKET_WEIGHT = 4000;
    static final int THIN_MARKET_WEIGHT = 2000;
    static final int FEW_COMPARABLES = 3;
    static final int INCOME_WEIGHT = 4000;
    static final int COST_WEIGHT = 2000;
    static final int WHOLE = 10_000;

    /** One approach's part: its indication, its weight in basis points and why. */
    public record Weighted(Indication indication, int weightBasisPoints, String why) {}

    /** The weighted approaches, the reconciled value and its range, all in fen. */
    public record Result(List<Weighted> approaches, long valueFen, long lowFen, long highFen) {}

    private Reconciliation() {}

    /** Refused with 422 NO_VALUATION_EVIDENCE when no approach gave an indication. */
    public static Result of(Indication market, int comparables, Indication income, Indication cost) {
        int[] base = {
            market.valueFen().isEmpty() ? 0 : comparables < FEW_COMPARABLES ? THIN_MARKET_WEIGHT : MARKET_WEIGHT,
            income.valueFen().isEmpty() ? 0 : INCOME_WEIGHT,
            cost.valueFen().isEmpty() ? 0 : COST_WEIGHT
        };
        int total = base[0] + base[1] + base[2];
        if (total == 0) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    ValuationCodes.NO_VALUATION_EVIDENCE,
                    "No approach can value the asset: give a royalty rate or a reproduction cost, or value an asset"
                            + " like those the market has traded");
        }
        int[] weights = new int[3];
        int given = 0;
        for (int i = 0; i < 3; i++) {
            weights[i] = base[i] * WHOLE / total;
            given += weights[i];
        }
        for (int i = 0; i < 3; i++) {
            if (base[i] > 0) {
                weights[i] += WHOLE - given;
                break;
            }
        }
        Indication[] indications = {market, income, cost};
        List<Weighted> weighted = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (int i = 0; i < 3; i++) {
            weighted.add(new Weighted(indications[i], weights[i], why(indications[i], base[i])));
            if (weights[i] > 0) {
                long value = indications[i].valueFen().orElseThrow();
                sum = sum.add(BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(weights[i])));
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return new Result(List.copyOf(weighted), Fen.round(sum.divide(BigDecimal.valueOf(WHOLE))), low, high);
    }

    private static String why(Indication indication, int base) {
        Optional<Long> value = indication.valueFen();
        if (value.isEmpty()) {
            return "weight 0: " + indication.reason();
        }
        return switch (indication.approach()) {
            case MARKET ->
                base == MARKET_WEIGHT
                        ? "base weight 40: prices the market itself paid for assets like this one"
                        : "base weight 20: fewer than " + FEW_COMPARABLES + " comparable deals, a thin market";
            case INCOME -> "base weight 40: what the asset earns over its remaining life";
            case COST -> "base weight 20: a cost says little of what an asset earns";
        };
    }
}
