package org.techmarket.statistics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a fact is placed in the read models, the same rules the rebuild from the raw tables states in SQL: a month is
 * the UTC calendar month, a province the first two digits of a GB/T 2260 code followed by {@code 0000}, and a sale's
 * industry the first future-industry tag of its first asset ({@code OTHER} when it has none).
 */
public final class Counting {

    public static final String OTHER_INDUSTRY = "OTHER";
    public static final String UNKNOWN = "UNKNOWN";

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    private Counting() {}

    public static LocalDate monthOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** The province of a GB/T 2260 code of any level; {@code UNKNOWN} for text that is no such code. */
    public static String provinceOf(String regionCode) {
        return regionCode != null && REGION.matcher(regionCode).matches()
                ? regionCode.substring(0, 2) + "0000"
                : UNKNOWN;
    }

    public static String industryOf(List<String> industries) {
        return industries.isEmpty() ? OTHER_INDUSTRY : industries.get(0);
    }
}
