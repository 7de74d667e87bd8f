package org.techmarket.deal.domain;

import org.techmarket.shared.Money;

/**
 * Writes figures into refusals and contract text by integer arithmetic only, so that output never depends on the
 * JVM's locale or on floating point.
 */
final class Amounts {

    private Amounts() {}

    /** {@code 125000000} → {@code 1,250,000.00}; the grouping is the same in every currency. */
    static String grouped(long fen) {
        return Money.cny(fen).grouped();
    }

    /** {@code 125} basis points → {@code 1.25%}. */
    static String percent(int basisPoints) {
        int hundredths = basisPoints % 100;
        return basisPoints / 100 + "." + (hundredths < 10 ? "0" : "") + hundredths + "%";
    }
}
