package org.techmarket.search.domain;

import java.util.List;

/**
 * The price bands of the {@code priceBand} facet, in yuan (minor units / 100): under 100,000; 100,000 to 1 million;
 * 1 to 10 million; 10 million and more. Each label names its lower bound and, but for the last, its upper bound.
 */
public final class PriceBands {

    /** The labels, lowest first. */
    public static final List<String> LABELS = List.of("0-100000", "100000-1000000", "1000000-10000000", "10000000+");

    private static final long[] UPPER_MINOR = {10_000_000L, 100_000_000L, 1_000_000_000L};

    private PriceBands() {}

    /** The band of a price in minor units. */
    public static String of(long minor) {
        for (int i = 0; i < UPPER_MINOR.length; i++) {
            if (minor < UPPER_MINOR[i]) {
                return LABELS.get(i);
            }
        }
        return LABELS.get(LABELS.size() - 1);
    }
}
