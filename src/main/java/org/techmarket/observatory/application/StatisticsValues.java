package org.techmarket.observatory.application;

import java.util.List;
import org.springframework.stereotype.Component;
import org.techmarket.statistics.MarketFigures;

/** The market's completed deals by future industry, as the statistics module's read model counts them. */
@Component
class StatisticsValues implements MarketDealValues {

    private final MarketFigures figures;

    StatisticsValues(MarketFigures figures) {
        this.figures = figures;
    }

    @Override
    public List<IndustryValue> completedByIndustry(List<String> provinces) {
        return figures.completedDealsByIndustry(provinces).entrySet().stream()
                .filter(entry -> entry.getValue().deals() > 0)
                .map(entry -> new IndustryValue(
                        entry.getKey(),
                        entry.getValue().deals(),
                        entry.getValue().value()))
                .toList();
    }
}
