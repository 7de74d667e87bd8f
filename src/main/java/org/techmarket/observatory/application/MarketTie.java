package org.techmarket.observatory.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.techmarket.observatory.domain.CountryGvc;
import org.techmarket.observatory.domain.GvcIndices;
import org.techmarket.observatory.domain.IndustryConcordance;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.shared.Money;

/**
 * Puts the market beside the value chain: for each future industry, what its completed deals are worth and where
 * the WIOD industries it belongs to stand in one country's value chains (by default China, where the market is).
 * A future industry's own indices are its WIOD industries' summed, so each weighs by its exports.
 */
@Service
public class MarketTie {

    /** The country whose value-chain position is shown when none is asked for. */
    public static final String HOME = "CHN";

    /** One WIOD industry a future industry belongs to, with its indices in the country. */
    public record WiodShare(WiodIndustry industry, GvcIndices indices) {}

    /** One future industry: its deals, their value per currency, its WIOD industries and their combined indices. */
    public record Row(
            FutureIndustry industry,
            long deals,
            List<Money> dealValues,
            List<WiodShare> wiodIndustries,
            Optional<GvcIndices> combined) {}

    /** The tie for one year and country. */
    public record Tie(int year, String country, List<Row> industries) {}

    private final MarketDealValues deals;
    private final IndustryConcordance concordance = ObservatoryReference.concordance();

    MarketTie(MarketDealValues deals) {
        this.deals = deals;
    }

    /**
     * Every future industry, or only {@code only}, for a country already known to the year's table, with the market's
     * deals of {@code provinces} (none: every province).
     */
    public Tie of(YearFigures figures, String country, Optional<FutureIndustry> only, List<String> provinces) {
        CountryGvc gvc = figures.gvcOf(country);
        List<MarketDealValues.IndustryValue> values = deals.completedByIndustry(provinces);
        List<Row> rows = new ArrayList<>();
        for (FutureIndustry industry : FutureIndustry.values()) {
            if (only.isPresent() && only.get() != industry) {
                continue;
            }
            List<MarketDealValues.IndustryValue> theirs = values.stream()
                    .filter(value -> value.industry() == industry)
                    .sorted(Comparator.comparing(value -> value.value().currency()))
                    .toList();
            List<WiodShare> shares = concordance.wiodIndustries(industry).stream()
                    .map(wiod -> new WiodShare(wiod, indicesOf(gvc, wiod)))
                    .toList();
            rows.add(new Row(
                    industry,
                    theirs.stream()
                            .mapToLong(MarketDealValues.IndustryValue::deals)
                            .sum(),
                    theirs.stream().map(MarketDealValues.IndustryValue::value).toList(),
                    shares,
                    shares.stream().map(WiodShare::indices).reduce(GvcIndices::plus)));
        }
        return new Tie(figures.year(), country, rows);
    }

    private static GvcIndices indicesOf(CountryGvc gvc, WiodIndustry wiod) {
        return gvc.industries().stream()
                .filter(row -> row.industry().equals(wiod.code()))
                .findFirst()
                .orElseThrow()
                .indices();
    }
}
