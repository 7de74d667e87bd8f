package org.techmarket.statistics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A unit-value price index: within each series (the row's other dimensions, e.g. one industry and asset kind), a
 * month's mean price realised divided by the mean of the series' first published month, times 100, to one decimal
 * half up. The base is the earliest month shown, so the index of a period reads from its own start; withheld months
 * are neither shown nor a base. A series whose base month sold for nothing has no index, nor has one without months in the grouping.
 */
public final class PriceIndex {

    private PriceIndex() {}

    /**
     * The index of each row, in the rows' order; {@code countAt} and {@code valueAt} are the positions of the sales
     * count and their value among a row's sums.
     */
    public static List<Optional<BigDecimal>> of(List<Dimension> groupBy, List<Cell> rows, int countAt, int valueAt) {
        int monthAt = groupBy.indexOf(Dimension.MONTH);
        List<Optional<BigDecimal>> index = new ArrayList<>(rows.size());
        if (monthAt < 0) {
            rows.forEach(row -> index.add(Optional.empty()));
            return index;
        }
        Map<List<String>, Cell> bases = new HashMap<>();
        for (Cell row : rows) {
            bases.merge(
                    series(row, monthAt), row, (a, b) -> month(a, monthAt).compareTo(month(b, monthAt)) <= 0 ? a : b);
        }
        for (Cell row : rows) {
            BigDecimal base = mean(bases.get(series(row, monthAt)), countAt, valueAt);
            index.add(
                    base.signum() == 0
                            ? Optional.empty()
                            : Optional.of(mean(row, countAt, valueAt)
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(base, 1, RoundingMode.HALF_UP)));
        }
        return index;
    }

    private static BigDecimal mean(Cell cell, int countAt, int valueAt) {
        return BigDecimal.valueOf(cell.sum(valueAt))
                .divide(BigDecimal.valueOf(cell.sum(countAt)), 10, RoundingMode.HALF_UP);
    }

    private static List<String> series(Cell row, int monthAt) {
        List<String> keys = new ArrayList<>(row.keys());
        keys.remove(monthAt);
        return keys;
    }

    private static String month(Cell row, int monthAt) {
        return row.keys().get(monthAt);
    }
}
