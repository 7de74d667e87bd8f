package org.techmarket.statistics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.statistics.domain.Cell;
import org.techmarket.statistics.domain.Dimension;
import org.techmarket.statistics.domain.PriceIndex;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.domain.Table;

/**
 * A table's rows as the open data publishes them, in JSON and CSV alike: the grouped dimensions, then the report's
 * figures. Amounts are yuan as decimal strings; ratios and means are computed from the cell's sums.
 */
final class StatisticsRows {

    private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private StatisticsRows() {}

    /** The names of a row's columns, in order. */
    static List<String> columns(Table table) {
        List<String> columns =
                new ArrayList<>(table.groupBy().stream().map(Dimension::apiName).toList());
        columns.addAll(
                switch (table.report()) {
                    case DEALS -> List.of("count", "value", "registrations", "registeredValue");
                    case FLOWS -> List.of("count", "value");
                    case FUNNEL -> List.of("listed", "bidOn", "awarded", "completed");
                    case PRICES ->
                        List.of(
                                "count",
                                "value",
                                "meanPrice",
                                "priceIndex",
                                "realisedToStart",
                                "reserveSales",
                                "realisedToReserve",
                                "meanDaysToSale");
                    case OPEN_LICENCES -> List.of("count", "amountDue");
                });
        return columns;
    }

    static List<Map<String, Object>> of(Table table) {
        List<Optional<BigDecimal>> index =
                table.report() == Report.PRICES ? PriceIndex.of(table.groupBy(), table.rows(), 0, 1) : List.of();
        List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
        for (int r = 0; r < table.rows().size(); r++) {
            Cell cell = table.rows().get(r);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int d = 0; d < table.groupBy().size(); d++) {
                row.put(table.groupBy().get(d).apiName(), cell.keys().get(d));
            }
            List<Object> figures = figures(
                    table.report(), cell, index.isEmpty() ? null : index.get(r).orElse(null));
            List<String> columns = columns(table);
            int first = table.groupBy().size();
            for (int f = 0; f < figures.size(); f++) {
                row.put(columns.get(first + f), figures.get(f));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> figures(Report report, Cell c, BigDecimal priceIndex) {
        return switch (report) {
            case DEALS -> List.of(c.sum(0), yuan(c.sum(1)), c.sum(2), yuan(c.sum(3)));
            case FLOWS -> List.of(c.sum(0), yuan(c.sum(1)));
            case FUNNEL -> List.of(c.sum(0), c.sum(1), c.sum(2), c.sum(3));
            case PRICES ->
                java.util.Arrays.asList(
                        c.sum(0),
                        yuan(c.sum(1)),
                        divide(BigDecimal.valueOf(c.sum(1)), FEN_PER_YUAN.multiply(BigDecimal.valueOf(c.sum(0))), 2),
                        priceIndex,
                        ratio(c.sum(1), c.sum(2)),
                        c.sum(3),
                        ratio(c.sum(4), c.sum(5)),
                        divide(
                                BigDecimal.valueOf(c.sum(6)),
                                SECONDS_PER_DAY.multiply(BigDecimal.valueOf(c.sum(0))),
                                1));
            case OPEN_LICENCES -> List.of(c.sum(0), yuan(c.sum(1)));
        };
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** The ratio to four decimals; none when there is nothing to compare with. */
    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : divide(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), 4);
    }

    private static BigDecimal divide(BigDecimal numerator, BigDecimal denominator, int scale) {
        return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }
}
