package org.techmarket.statistics;

import java.util.Map;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;

/** The market's own figures for other modules, read from the statistics' read models. */
public interface MarketFigures {

    /**
     * The value of the deals completed on the market, all time, per future industry (each industry present, zero when
     * none), in CNY. A deal counts under the first future-industry tag of its first asset, {@code OTHER} without one.
     * These are totals for the market's own use: the open data withholds small cells, this does not.
     */
    Map<FutureIndustry, Money> dealValueByIndustry();
}
