package org.techmarket.statistics.domain;

import java.util.Arrays;
import java.util.List;

/** One row of a report: its value of each grouped dimension, in order, and its counts and sums, in order. */
public record Cell(List<String> keys, long[] sums) {

    public Cell {
        keys = List.copyOf(keys);
        sums = sums.clone();
    }

    public long sum(int index) {
        return sums[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cell cell && keys.equals(cell.keys) && Arrays.equals(sums, cell.sums);
    }

    @Override
    public int hashCode() {
        return 31 * keys.hashCode() + Arrays.hashCode(sums);
    }

    @Override
    public String toString() {
        return keys + "=" + Arrays.toString(sums);
    }
}
