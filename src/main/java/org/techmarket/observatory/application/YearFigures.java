package org.techmarket.observatory.application;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.techmarket.observatory.ObservatoryCodes;
import org.techmarket.observatory.domain.CountryGvc;
import org.techmarket.observatory.domain.KwwTerms;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.shared.Rejection;

/**
 * Everything the observatory computed from one year's table: the KWW terms and the GVC indices of every country,
 * in the table's order, and how long the computation took.
 */
public record YearFigures(
        int year,
        List<String> countries,
        List<WiodIndustry> industries,
        List<KwwTerms> kww,
        List<CountryGvc> gvc,
        Duration computedIn) {

    /** The unit of every amount: WIOD's millions of US dollars at current prices. */
    public static final String UNIT = "USD million";

    /** The table's spelling of a country code given in any case ({@code chn} is {@code CHN}, {@code row} RoW). */
    public Optional<String> country(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return countries.stream()
                .filter(c -> c.toUpperCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** The industry of the table named by its code, in any case ({@code C14} is {@code c14}). */
    public Optional<WiodIndustry> industry(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return industries.stream().filter(i -> i.code().equals(wanted)).findFirst();
    }

    /** The countries asked for, in the table's spelling; all of them when none is; refused for one it lacks. */
    public List<String> requireCountries(List<String> asked) {
        if (asked.isEmpty()) {
            return countries;
        }
        return asked.stream()
                .map(code -> country(code)
                        .orElseThrow(() -> new Rejection(
                                Rejection.Kind.INVALID,
                                ObservatoryCodes.UNKNOWN_COUNTRY,
                                "The " + year + " table has no country " + code + "; it has " + countries)))
                .distinct()
                .toList();
    }

    /** The industries asked for; all of them when none is; refused for a code the table lacks. */
    public List<WiodIndustry> requireIndustries(List<String> asked) {
        if (asked.isEmpty()) {
            return industries;
        }
        return asked.stream()
                .map(code -> industry(code)
                        .orElseThrow(() -> new Rejection(
                                Rejection.Kind.INVALID,
                                ObservatoryCodes.UNKNOWN_WIOD_INDUSTRY,
                                "The " + year + " table has no industry " + code + "; its industries are c1 to c"
                                        + industries.size())))
                .distinct()
                .toList();
    }

    public CountryGvc gvcOf(String country) {
        return gvc.get(countries.indexOf(country));
    }
}
