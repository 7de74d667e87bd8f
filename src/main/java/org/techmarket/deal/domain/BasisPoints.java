package org.techmarket.deal.domain;

/**
 * Exact shares of an amount in basis points (1/10,000), rounded half up to the fen: the rounding of Chinese
 * accounting practice (四舍五入), applied once to each computed amount.
 */
final class BasisPoints {

    static final int WHOLE = 10_000;

    private BasisPoints() {}

    /**
     * {@code amount × basisPoints / 10,000} rounded half up, for a non-negative amount and 0 to 10,000 points.
     * Splitting the amount into whole ten-thousands and a remainder keeps every product far below a long's
     * range, so no amount overflows.
     */
    static long share(long amount, int basisPoints) {
        if (amount < 0 || basisPoints < 0 || basisPoints > WHOLE) {
            throw new IllegalArgumentException("need a non-negative amount and 0 to 10000 basis points");
        }
        long wholeTenThousands = amount / WHOLE;
        long remainder = amount % WHOLE;
        return wholeTenThousands * basisPoints + (remainder * basisPoints + WHOLE / 2) / WHOLE;
    }
}
