package org.techmarket.listing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs a property over many cases, each drawn from its own seeded {@link Random}. A case writes down its input as
 * it draws it; a failing case is reported with its seed and that input, and is rerun alone with
 * {@code -Dauction.seed=<seed>}.
 */
final class SeededCases {

    /** One case of a property: draws its input from {@code random} and records it in {@code input}. */
    interface Case {
        void run(Random random, List<String> input);
    }

    private static final long BASE_SEED = 20_260_302L;

    private SeededCases() {}

    static void check(String property, int cases, Case body) {
        String only = System.getProperty("auction.seed");
        if (only != null) {
            runOne(property, Long.parseLong(only), body);
            return;
        }
        for (int i = 0; i < cases; i++) {
            runOne(property, BASE_SEED + i, body);
        }
    }

    private static void runOne(String property, long seed, Case body) {
        List<String> input = new ArrayList<>();
        try {
            body.run(new Random(seed), input);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    property + " fails for seed " + seed + " (rerun with -Dauction.seed=" + seed + "); input:\n  "
                            + String.join("\n  ", input) + "\n" + failure.getMessage(),
                    failure);
        }
    }
}
