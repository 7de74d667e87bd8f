package org.techmarket.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The provinces whose figures a reader of the market may see. A regulator may be limited to some provinces; everyone
 * else, and a regulator without a limit, sees the whole market. Reads of statistics, the observatory's market figures
 * and venue figures are filtered through it, so a limited regulator's answers count only its provinces.
 */
public interface Jurisdictions {

    /** The provinces (GB/T 2260 codes such as {@code 440000}) the actor is limited to; empty for the whole market. */
    Optional<Set<String>> provincesOf(Actor actor);

    /**
     * The provinces a read asking for {@code requested} (empty: no province filter) covers for the actor: what it
     * asked, or for a limited regulator asking nothing, its provinces. A limited regulator asking for a province
     * outside its limit is refused with 403 {@code PROVINCE_OUTSIDE_JURISDICTION}.
     */
    default List<String> restrict(Actor actor, List<String> requested) {
        Optional<Set<String>> limit = provincesOf(actor);
        if (limit.isEmpty()) {
            return requested;
        }
        if (requested.isEmpty()) {
            return limit.get().stream().sorted().toList();
        }
        // a request may name several provinces in one value, comma-separated
        requested.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(province -> !province.isEmpty())
                .forEach(province -> requireProvince(limit.get(), province));
        return requested;
    }

    /** Refuses a limited regulator a read of {@code province}'s figures with 403 PROVINCE_OUTSIDE_JURISDICTION. */
    default void requireProvince(Actor actor, String province) {
        provincesOf(actor).ifPresent(limit -> requireProvince(limit, province));
    }

    private static void requireProvince(Set<String> limit, String province) {
        if (!limit.contains(province)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    SharedCodes.PROVINCE_OUTSIDE_JURISDICTION,
                    "This regulator reads the figures of provinces "
                            + limit.stream().sorted().toList() + " only, not of " + province);
        }
    }
}
