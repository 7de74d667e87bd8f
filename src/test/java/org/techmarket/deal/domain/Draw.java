package org.techmarket.deal.domain;

import java.util.Random;

/** Seeded draws for the property tests: amounts spread over small, everyday and extreme magnitudes. */
final class Draw {

    static final int CASES = 20_000;

    private Draw() {}

    /** A non-negative amount in fen; a third each small, up to a hundred million yuan, and up to a long's limit. */
    static long amount(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(100_000);
            case 1 -> (random.nextLong() & Long.MAX_VALUE) % 10_000_000_000L;
            default -> random.nextLong() & Long.MAX_VALUE;
        };
    }

    /** A rate in basis points, with the edges 0 and 10,000 drawn often. */
    static int basisPoints(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 10_000;
            default -> random.nextInt(10_001);
        };
    }

    /** A value uniformly from 0 to {@code bound} inclusive. */
    static long upTo(Random random, long bound) {
        return bound == Long.MAX_VALUE
                ? random.nextLong() & Long.MAX_VALUE
                : (random.nextLong() & Long.MAX_VALUE) % (bound + 1);
    }
}
