package org.techmarket.valuation.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The valuation's arithmetic: exact decimals with 34 significant digits in between, and every amount reported
 * rounded once to the fen, half up.
 */
final class Fen {

    static final MathContext PRECISION = MathContext.DECIMAL128;

    private Fen() {}

    /** {@code amount} (in fen, possibly fractional) rounded half up to a whole fen. */
    static long round(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The median of sorted amounts: the middle one, or the two middle ones' mean rounded half up to the fen. */
    static long median(java.util.List<Long> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return round(BigDecimal.valueOf(sorted.get(n / 2 - 1))
                .add(BigDecimal.valueOf(sorted.get(n / 2)))
                .divide(BigDecimal.valueOf(2)));
    }
}
