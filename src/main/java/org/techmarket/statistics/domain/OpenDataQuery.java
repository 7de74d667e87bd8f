package org.techmarket.statistics.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.techmarket.reference.FutureIndustry;
import org.techmarket.reference.ReferenceCodes;
import org.techmarket.shared.Rejection;
import org.techmarket.statistics.StatisticsCodes;

/**
 * A question put to one report: the dimensions to group by, in order, the months from and to (both included, either
 * open), and the industries and provinces to keep (all when empty). Built only from valid input: an unknown dimension,
 * industry or province, a malformed month or a period that ends before it starts is refused with its code.
 */
public record OpenDataQuery(
        Report report,
        List<Dimension> groupBy,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Set<String> industries,
        Set<String> provinces) {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    public OpenDataQuery {
        groupBy = List.copyOf(groupBy);
        industries = Set.copyOf(industries);
        provinces = Set.copyOf(provinces);
    }

    /** Parses the API's parameters; {@code knownProvinces} are the GB/T 2260 codes of the provinces. */
    public static OpenDataQuery parse(
            Report report,
            Optional<String> groupBy,
            Optional<String> from,
            Optional<String> to,
            List<String> industries,
            List<String> provinces,
            Set<String> knownProvinces) {
        Optional<YearMonth> first = from.map(text -> month("from", text));
        Optional<YearMonth> last = to.map(text -> month("to", text));
        if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
            throw Rejection.invalid(StatisticsCodes.MONTHS_REVERSED, "from", "must not be after to");
        }
        refuseFilter(!industries.isEmpty() && !report.filtersIndustry(), "industry");
        refuseFilter(!provinces.isEmpty() && !report.filtersProvince(), "province");
        return new OpenDataQuery(
                report,
                groupBy.map(text -> dimensions(report, text)).orElse(report.defaultGrouping()),
                first.map(m -> m.atDay(1)),
                last.map(m -> m.atDay(1)),
                industries(split(industries)),
                provinces(split(provinces), knownProvinces));
    }

    private static void refuseFilter(boolean refused, String dimension) {
        if (refused) {
            throw Rejection.invalid(
                    StatisticsCodes.UNKNOWN_DIMENSION, dimension, "this report has no " + dimension + " to filter by");
        }
    }

    private static YearMonth month(String field, String text) {
        if (!MONTH.matcher(text).matches()) {
            throw Rejection.invalid(StatisticsCodes.INVALID_MONTH, field, "must be a month, YYYY-MM");
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(StatisticsCodes.INVALID_MONTH, field, "must be a month, YYYY-MM");
        }
    }

    private static List<Dimension> dimensions(Report report, String text) {
        Set<Dimension> chosen = new LinkedHashSet<>();
        for (String name : split(List.of(text))) {
            Dimension dimension = Dimension.named(name)
                    .filter(report.dimensions()::contains)
                    .orElseThrow(() -> Rejection.invalid(
                            StatisticsCodes.UNKNOWN_DIMENSION,
                            "groupBy",
                            "'" + name + "' is not one of " + names(report.dimensions())));
            chosen.add(dimension);
        }
        return new ArrayList<>(chosen);
    }

    private static Set<String> industries(List<String> names) {
        Set<String> known = new LinkedHashSet<>(
                Arrays.stream(FutureIndustry.values()).map(Enum::name).toList());
        for (String name : names) {
            if (!known.contains(name)) {
                throw Rejection.invalid(
                        StatisticsCodes.UNKNOWN_FUTURE_INDUSTRY, "industry", "'" + name + "' is not a future industry");
            }
        }
        return new LinkedHashSet<>(names);
    }

    private static Set<String> provinces(List<String> codes, Set<String> knownProvinces) {
        for (String code : codes) {
            if (!knownProvinces.contains(code)) {
                throw Rejection.invalid(
                        ReferenceCodes.UNKNOWN_PROVINCE, "province", "'" + code + "' is not a GB/T 2260 province code");
            }
        }
        return new LinkedHashSet<>(codes);
    }

    private static List<String> split(List<String> values) {
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String names(List<Dimension> dimensions) {
        return String.join(", ", dimensions.stream().map(Dimension::apiName).toList());
    }
}
