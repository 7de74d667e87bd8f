package org.techmarket.rights.domain;

import java.util.Locale;
import java.util.Set;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * A territory: {@code WORLD}, an ISO 3166-1 alpha-2 country, or within {@code CN} a GB/T 2260 province
 * ({@code 440000}) or city ({@code 440300}). They form a tree, WORLD ⊃ CN ⊃ 440000 ⊃ 440300, in which a
 * city's province is its first two digits followed by {@code 0000}; two territories intersect exactly when
 * one contains the other.
 *
 * <p>The constructor checks the shape of a code only, so stored values can be read back without a
 * directory; {@link #of(String, RegionDirectory)} also checks that a province or city code exists and is
 * what user input must go through.
 */
public record Territory(String code) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String WORLD_CODE = "WORLD";
    private static final String CHINA_CODE = "CN";

    /** The whole world. */
    public static final Territory WORLD = new Territory(WORLD_CODE);

    /** Accepts codes in any letter case and keeps them upper case. */
    public Territory {
        code = normalise(code);
    }

    /** Parses a territory from user input, checking Chinese region codes against {@code regions}. */
    public static Territory of(String raw, RegionDirectory regions) {
        Territory territory = new Territory(raw);
        if (territory.isChineseRegion() && !regions.exists(territory.code)) {
            throw invalid("'" + territory.code + "' is not a GB/T 2260 province or city code");
        }
        return territory;
    }

    /** Whether this is a six-digit GB/T 2260 province or city code. */
    public boolean isChineseRegion() {
        return code.length() == 6;
    }

    /** Whether every place in {@code other} is also in this territory. Reflexive. */
    public boolean contains(Territory other) {
        return contains(code, other.code);
    }

    /** {@link #contains(Territory)} over two codes already in normal form, as a scope holds them. */
    static boolean contains(String code, String theirs) {
        switch (code.length()) {
            case 5: // WORLD
                return true;
            case 2: // a country; only China is subdivided
                return code.equals(theirs) || (theirs.length() == 6 && CHINA_CODE.equals(code));
            default:
                return isProvince(code)
                        ? theirs.length() == 6 && theirs.regionMatches(0, code, 0, 2)
                        : code.equals(theirs);
        }
    }

    /** Whether some place lies in both territories; in a tree that means one contains the other. Symmetric. */
    public boolean intersects(Territory other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public String toString() {
        return code;
    }

    private static boolean isProvince(String code) {
        return code.charAt(2) == '0' && code.charAt(3) == '0';
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw invalid("a territory is required");
        }
        String upper = raw.trim().toUpperCase(Locale.ROOT);
        if (WORLD_CODE.equals(upper) || ISO_COUNTRIES.contains(upper)) {
            return upper;
        }
        if (isRegionShape(upper)) {
            return upper;
        }
        throw invalid("'" + raw + "' is not WORLD, an ISO 3166-1 alpha-2 country code, "
                + "or a GB/T 2260 province (xx0000) or city (xxxx00) code");
    }

    /** Six digits ending in 00 (counties are finer than a grant's territory goes) with a non-zero province. */
    private static boolean isRegionShape(String code) {
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return code.endsWith("00") && !code.startsWith("00");
    }

    private static Rejection invalid(String message) {
        return Rejection.invalid(RightsCodes.INVALID_TERRITORY, "scope.territories", message);
    }
}
