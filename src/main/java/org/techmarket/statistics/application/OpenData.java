package org.techmarket.statistics.application;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.Region;
import org.techmarket.reference.Regions;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.statistics.MarketFigures;
import org.techmarket.statistics.domain.OpenDataQuery;
import org.techmarket.statistics.domain.Report;
import org.techmarket.statistics.domain.Table;
import org.techmarket.statistics.persistence.Cubes;

/** Answers the open statistics from the read models, one statement a question, small cells withheld. */
@Service
public class OpenData implements MarketFigures {

    private final Cubes cubes;
    private final Set<String> provinces;

    OpenData(Cubes cubes, Regions regions) {
        this.cubes = cubes;
        this.provinces = regions.provinces().stream().map(Region::code).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The report's publishable table for the API's parameters; a refusal naming what is wrong with them. One
     * statement, so no transaction of its own.
     */
    public Table answer(
            Report report,
            Optional<String> groupBy,
            Optional<String> from,
            Optional<String> to,
            List<String> industries,
            List<String> provinces) {
        OpenDataQuery query = OpenDataQuery.parse(report, groupBy, from, to, industries, provinces, this.provinces);
        return Table.publishable(report, query.groupBy(), cubes.cells(query));
    }

    /**
     * As {@link #answer(Report, Optional, Optional, Optional, List, List)}, read with the other queries of
     * {@code batch}; wrong parameters are refused at once.
     */
    public ReadsTogether.Later<Table> answer(
            Report report,
            Optional<String> groupBy,
            Optional<String> from,
            Optional<String> to,
            List<String> industries,
            List<String> provinces,
            ReadsTogether.Batch batch) {
        OpenDataQuery query = OpenDataQuery.parse(report, groupBy, from, to, industries, provinces, this.provinces);
        return cubes.cells(query, batch).map(cells -> Table.publishable(report, query.groupBy(), cells));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<FutureIndustry, IndustryDeals> completedDealsByIndustry(Collection<String> provinces) {
        return byIndustry(cubes.dealsByIndustry(provinces));
    }

    @Override
    public ReadsTogether.Later<Map<FutureIndustry, IndustryDeals>> completedDealsByIndustry(
            Collection<String> provinces, ReadsTogether.Batch batch) {
        return cubes.dealsByIndustry(provinces, batch).map(OpenData::byIndustry);
    }

    private static Map<FutureIndustry, IndustryDeals> byIndustry(Map<String, long[]> counted) {
        Map<FutureIndustry, IndustryDeals> values = new EnumMap<>(FutureIndustry.class);
        for (FutureIndustry industry : FutureIndustry.values()) {
            values.put(industry, new IndustryDeals(0, Money.cny(0)));
        }
        counted.forEach((industry, deals) ->
                known(industry).ifPresent(i -> values.put(i, new IndustryDeals(deals[0], Money.cny(deals[1])))));
        return values;
    }

    private static Optional<FutureIndustry> known(String industry) {
        try {
            return Optional.of(FutureIndustry.valueOf(industry));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
