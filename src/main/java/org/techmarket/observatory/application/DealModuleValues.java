package org.techmarket.observatory.application;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.techmarket.deal.CompletedDeals;
import org.techmarket.reference.FutureIndustry;

/** The market's deal values as the deal module sums them. */
@Component
class DealModuleValues implements MarketDealValues {

    private final CompletedDeals deals;

    DealModuleValues(CompletedDeals deals) {
        this.deals = deals;
    }

    @Override
    public List<IndustryValue> completedByIndustry() {
        return deals.valueByIndustry().stream()
                .map(value -> new IndustryValue(industry(value.industry()), value.deals(), value.value()))
                .toList();
    }

    /** Assets are tagged only with known industries; a tag this version does not know counts as OTHER. */
    private static FutureIndustry industry(String name) {
        return Arrays.stream(FutureIndustry.values())
                .filter(industry -> industry.name().equals(name))
                .findFirst()
                .orElse(FutureIndustry.OTHER);
    }
}
