package org.techmarket.deal.domain;

import java.util.Set;

/**
 * The shape of a GB/T 2260 region code: six digits beginning with a province prefix. Whether the code names a
 * region that exists is the reference module's question, asked by the application layer.
 */
final class RegionCode {

    private static final Set<String> PROVINCE_PREFIXES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private RegionCode() {}

    static boolean isWellFormed(String code) {
        return code != null && code.matches("[0-9]{6}") && PROVINCE_PREFIXES.contains(code.substring(0, 2));
    }
}
