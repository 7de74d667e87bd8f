package org.techmarket.reference;

import java.util.Objects;

/**
 * A province-level or prefecture-level administrative division of China with its GB/T 2260 code;
 * a province's {@code provinceCode} is its own code.
 */
public record Region(String code, String name, Level level, String provinceCode) {

    /** The two levels of division the market reports on. */
    public enum Level {
        PROVINCE,
        CITY
    }

    public Region {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        if (!isDivisionCode(code) || !isDivisionCode(provinceCode) || !provinceCode.endsWith("0000")) {
            throw new IllegalArgumentException("not a GB/T 2260 region: " + code + " in " + provinceCode);
        }
    }

    static boolean isDivisionCode(String code) {
        return code != null && code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
