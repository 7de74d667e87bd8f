package org.techmarket.statistics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** The market's own figures for other modules, read from the statistics' read models. */
public interface MarketFigures {

    /** How many deals were completed in one future industry, and their value in CNY. */
    record IndustryDeals(long deals, Money value) {}

    /**
     * The deals completed on the market, all time, per future industry (each industry present, zero when none), in
     * CNY. A deal counts under the first future-industry tag of its first asset, {@code OTHER} without one. These are
     * totals for the market's own use: the open data withholds small cells, this does not.
     */
    default Map<FutureIndustry, IndustryDeals> completedDealsByIndustry() {
        return completedDealsByIndustry(List.of());
    }

    /** As {@link #completedDealsByIndustry()}, counting only deals of these provinces (none: every province). */
    Map<FutureIndustry, IndustryDeals> completedDealsByIndustry(Collection<String> provinces);

    /** As {@link #completedDealsByIndustry()}, read with the other queries of {@code batch}. */
    default ReadsTogether.Later<Map<FutureIndustry, IndustryDeals>> completedDealsByIndustry(
            ReadsTogether.Batch batch) {
        return completedDealsByIndustry(List.of(), batch);
    }

    /** As {@link #completedDealsByIndustry(Collection)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<Map<FutureIndustry, IndustryDeals>> completedDealsByIndustry(
            Collection<String> provinces, ReadsTogether.Batch batch);

    /** The value alone of {@link #completedDealsByIndustry()}. */
    default Map<FutureIndustry, Money> dealValueByIndustry() {
        Map<FutureIndustry, Money> values = new java.util.EnumMap<>(FutureIndustry.class);
        completedDealsByIndustry().forEach((industry, deals) -> values.put(industry, deals.value()));
        return values;
    }
}
