package org.techmarket.participant;

import java.util.Set;

/** The two-digit province prefixes of GB/T 2260 administrative division codes, Taiwan, Hong Kong and Macao included. */
final class Provinces {

    static final Set<String> PREFIXES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private Provinces() {}

    static boolean isProvincePrefix(String twoDigits) {
        return PREFIXES.contains(twoDigits);
    }
}
