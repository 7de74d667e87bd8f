package org.techmarket.observatory.application;

import java.util.List;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;

/**
 * Where the observatory reads the market's completed deals by future industry. The statistics module's read model
 * answers (a deal counts once, under the first future industry of its first asset).
 */
public interface MarketDealValues {

    /** Completed deals' count and value in one future industry and one currency. */
    record IndustryValue(FutureIndustry industry, long deals, Money value) {}

    /**
     * Completed deals by future industry and currency, of these provinces (none: every province), in a constant
     * number of statements.
     */
    List<IndustryValue> completedByIndustry(List<String> provinces);
}
