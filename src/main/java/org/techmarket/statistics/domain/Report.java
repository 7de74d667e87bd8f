package org.techmarket.statistics.domain;

import static org.techmarket.statistics.domain.Dimension.ASSET_KIND;
import static org.techmarket.statistics.domain.Dimension.BUYER_PROVINCE;
import static org.techmarket.statistics.domain.Dimension.CONTRACT_TYPE;
import static org.techmarket.statistics.domain.Dimension.INDUSTRY;
import static org.techmarket.statistics.domain.Dimension.MECHANISM;
import static org.techmarket.statistics.domain.Dimension.MONTH;
import static org.techmarket.statistics.domain.Dimension.PROVINCE;
import static org.techmarket.statistics.domain.Dimension.SELLER_PROVINCE;

import java.util.List;

/**
 * The open statistics' reports: the dimensions each may be grouped by, those it is grouped by when none are asked,
 * its counts and sums in the order rows carry them, and the count whose small cells are withheld. A province filter
 * keeps the rows of a province wherever the report has one (a flow keeps it at either end).
 */
public enum Report {
    DEALS(
            List.of(INDUSTRY, PROVINCE, MONTH, MECHANISM, CONTRACT_TYPE),
            List.of(INDUSTRY, PROVINCE, MONTH),
            List.of("count", "value", "registrations", "registeredValue")),
    FLOWS(
            List.of(SELLER_PROVINCE, BUYER_PROVINCE, MONTH),
            List.of(SELLER_PROVINCE, BUYER_PROVINCE),
            List.of("count", "value")),
    FUNNEL(
            List.of(INDUSTRY, MECHANISM, MONTH),
            List.of(INDUSTRY, MONTH),
            List.of("listed", "bidOn", "awarded", "completed")),
    PRICES(
            List.of(INDUSTRY, ASSET_KIND, MECHANISM, MONTH),
            List.of(INDUSTRY, ASSET_KIND, MONTH),
            List.of(
                    "count",
                    "value",
                    "startValue",
                    "reserveSales",
                    "reserveSaleValue",
                    "reserveValue",
                    "secondsToSale")),
    OPEN_LICENCES(List.of(INDUSTRY, MONTH), List.of(INDUSTRY, MONTH), List.of("count", "amountDue"));

    /** Cells counting fewer than this many deals (listings, sales, takes) are withheld. */
    public static final long SMALLEST_CELL = 3;

    private final List<Dimension> dimensions;
    private final List<Dimension> defaultGrouping;
    private final List<String> measures;

    Report(List<Dimension> dimensions, List<Dimension> defaultGrouping, List<String> measures) {
        this.dimensions = dimensions;
        this.defaultGrouping = defaultGrouping;
        this.measures = measures;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public List<Dimension> defaultGrouping() {
        return defaultGrouping;
    }

    /** The counts and sums of a row, in order; the first is the count small cells are judged by. */
    public List<String> measures() {
        return measures;
    }

    /**
     * Whether a cell with these sums is withheld: it counts fewer than {@link #SMALLEST_CELL} (deals, listings,
     * sales or takes), or, for deals, some but fewer than that many registrations.
     */
    public boolean withholds(long[] sums) {
        if (sums[0] < SMALLEST_CELL) {
            return true;
        }
        return this == DEALS && sums[2] > 0 && sums[2] < SMALLEST_CELL;
    }

    public boolean filtersIndustry() {
        return dimensions.contains(INDUSTRY);
    }

    public boolean filtersProvince() {
        return dimensions.contains(PROVINCE) || dimensions.contains(SELLER_PROVINCE);
    }
}
