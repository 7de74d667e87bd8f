package org.techmarket.rights.domain;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property on many inputs drawn from seeded {@link Random}s (ADR 0002: plain JUnit, no jqwik). Try
 * {@code i} draws from {@code new Random(seed)} with {@code seed = mix(base + i)}; a failure names the seed and
 * the input, so it can be replayed alone. The base is fixed for repeatable builds; {@code -Dtechmarket.seed=...}
 * explores other inputs.
 */
final class PropertyCheck {

    private static final long BASE_SEED = Long.getLong("techmarket.seed", 20260301L);

    private PropertyCheck() {}

    static <T> void forAll(int tries, Function<Random, T> draw, Consumer<T> property) {
        for (int i = 0; i < tries; i++) {
            long seed = mix(BASE_SEED + i);
            T input = draw.apply(new Random(seed));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "property failed on try " + i + " (seed " + seed + ") for input " + input, failure);
            }
        }
    }

    /** Spreads consecutive numbers over all bits: java.util.Random's first draws from neighbouring seeds are alike. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
