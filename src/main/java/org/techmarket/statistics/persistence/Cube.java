package org.techmarket.statistics.persistence;

import static org.techmarket.statistics.domain.Dimension.ASSET_KIND;
import static org.techmarket.statistics.domain.Dimension.BUYER_PROVINCE;
import static org.techmarket.statistics.domain.Dimension.CONTRACT_TYPE;
import static org.techmarket.statistics.domain.Dimension.INDUSTRY;
import static org.techmarket.statistics.domain.Dimension.MECHANISM;
import static org.techmarket.statistics.domain.Dimension.MONTH;
import static org.techmarket.statistics.domain.Dimension.PROVINCE;
import static org.techmarket.statistics.domain.Dimension.SELLER_PROVINCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.techmarket.statistics.domain.Dimension;
import org.techmarket.statistics.domain.OpenDataQuery;

/**
 * A read-model table as a report reads it: its name, the column of each dimension, the columns summed (in the
 * report's order) and the columns a province filter looks at. {@link #select(OpenDataQuery)} writes the one
 * statement that answers a query; every name in it comes from here, only values are parameters.
 */
record Cube(String table, Map<Dimension, String> columns, List<String> sums, List<String> provinceColumns) {

    static final Cube DEAL_MONTHS = new Cube(
            "stat_deal_month",
            Map.of(INDUSTRY, "industry", PROVINCE, "province", MONTH, "month"),
            List.of("deals", "value", "registrations", "registered_value"),
            List.of("province"));
    static final Cube DEAL_CELLS = new Cube(
            "stat_deal_cell",
            Map.of(
                    INDUSTRY,
                    "industry",
                    PROVINCE,
                    "province",
                    MONTH,
                    "month",
                    MECHANISM,
                    "mechanism",
                    CONTRACT_TYPE,
                    "contract_type"),
            DEAL_MONTHS.sums(),
            List.of("province"));
    static final Cube FLOWS = new Cube(
            "stat_flow_cell",
            Map.of(SELLER_PROVINCE, "seller_province", BUYER_PROVINCE, "buyer_province", MONTH, "month"),
            List.of("deals", "value"),
            List.of("seller_province", "buyer_province"));
    static final Cube FUNNEL = new Cube(
            "stat_funnel_cell",
            Map.of(INDUSTRY, "industry", MECHANISM, "mechanism", MONTH, "month"),
            List.of("listed", "bid_on", "awarded", "completed"),
            List.of());
    static final Cube SALES = new Cube(
            "stat_sale_cell",
            Map.of(INDUSTRY, "industry", ASSET_KIND, "asset_kind", MECHANISM, "mechanism", MONTH, "month"),
            List.of(
                    "sales",
                    "value",
                    "start_value",
                    "reserve_sales",
                    "reserve_sale_value",
                    "reserve_value",
                    "seconds_to_sale"),
            List.of());
    static final Cube OPEN_LICENCES = new Cube(
            "stat_open_licence_cell",
            Map.of(INDUSTRY, "industry", MONTH, "month"),
            List.of("takes", "amount_due"),
            List.of());

    /** The table that answers the query: deals by mechanism or contract type need the finer one. */
    static Cube of(OpenDataQuery query) {
        return switch (query.report()) {
            case DEALS ->
                query.groupBy().contains(MECHANISM) || query.groupBy().contains(CONTRACT_TYPE)
                        ? DEAL_CELLS
                        : DEAL_MONTHS;
            case FLOWS -> FLOWS;
            case FUNNEL -> FUNNEL;
            case PRICES -> SALES;
            case OPEN_LICENCES -> OPEN_LICENCES;
        };
    }

    /** The same sums over the raw facts of {@link RawFacts}, which carry this table's column names. */
    Cube over(String facts) {
        return new Cube("(" + facts + ") raw", columns, sums, provinceColumns);
    }

    /** Fills this (empty) table from the raw facts. */
    String rebuildFrom(String facts) {
        String keys = String.join(", ", columns.values());
        return "insert into " + table + " (" + keys + ", " + String.join(", ", sums) + ") select " + keys + ", "
                + String.join(", ", sums.stream().map(s -> "sum(" + s + ")").toList()) + " from (" + facts
                + ") raw group by " + keys;
    }

    /** The statement and its parameters: the query's sums by its grouping, in the grouping's order. */
    Statement select(OpenDataQuery query) {
        List<String> keys = query.groupBy().stream().map(this::key).toList();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        query.from().ifPresent(from -> {
            where.add("month >= ?");
            params.add(from);
        });
        query.to().ifPresent(to -> {
            where.add("month <= ?");
            params.add(to);
        });
        if (!query.industries().isEmpty()) {
            where.add("industry = any(?::text[])");
            params.add(Statement.array(query.industries()));
        }
        if (!query.provinces().isEmpty()) {
            where.add("("
                    + String.join(
                            " or ",
                            provinceColumns.stream()
                                    .map(c -> c + " = any(?::text[])")
                                    .toList()) + ")");
            provinceColumns.forEach(c -> params.add(Statement.array(query.provinces())));
        }
        StringBuilder sql = new StringBuilder("select ");
        keys.forEach(k -> sql.append(k).append(", "));
        sql.append(String.join(
                ", ", sums.stream().map(s -> "sum(" + s + ")::bigint").toList()));
        sql.append(" from ").append(table);
        if (!where.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", where));
        }
        if (!keys.isEmpty()) {
            String positions = String.join(
                    ", ",
                    java.util.stream.IntStream.rangeClosed(1, keys.size())
                            .mapToObj(Integer::toString)
                            .toList());
            sql.append(" group by ").append(positions).append(" order by ").append(positions);
        } else {
            sql.append(" having count(*) > 0");
        }
        return new Statement(sql.toString(), params, keys.size());
    }

    private String key(Dimension dimension) {
        String column = columns.get(dimension);
        return dimension == MONTH ? "to_char(" + column + ", 'YYYY-MM')" : column;
    }

    /** A statement with positional parameters. */
    record Statement(String sql, List<Object> params, int keys) {

        static String array(java.util.Collection<String> values) {
            return "{"
                    + String.join(",", values.stream().map(v -> '"' + v + '"').toList()) + "}";
        }
    }
}
