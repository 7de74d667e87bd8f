package org.techmarket.statistics.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's answer as it may be published: the cells that count enough to be shown, and how many were withheld
 * because they count too few (see {@link Report#withholds(long[])}).
 */
public record Table(Report report, List<Dimension> groupBy, List<Cell> rows, int suppressedCells) {

    public Table {
        groupBy = List.copyOf(groupBy);
        rows = List.copyOf(rows);
    }

    /** The publishable part of {@code cells}. */
    public static Table publishable(Report report, List<Dimension> groupBy, List<Cell> cells) {
        List<Cell> shown = new ArrayList<>(cells.size());
        int withheld = 0;
        for (Cell cell : cells) {
            if (report.withholds(cell.sums())) {
                withheld++;
            } else {
                shown.add(cell);
            }
        }
        return new Table(report, groupBy, shown, withheld);
    }
}
