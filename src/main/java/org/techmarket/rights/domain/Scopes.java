package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * The registry's rules over the one scope, {@link GrantScope}: fields of use × territories × term {@code [start, end)}.
 * Two scopes overlap when some field, some territory and some day are in both; one contains another when each of
 * the other's fields and territories lies inside one of its own and its term covers the other's.
 *
 * <p>A scope enters the registry once, through {@link #parse} (user input) or {@link #of} (values already parsed):
 * its fields and territories are then in normal form, sorted and distinct, and its term has both ends. The matching
 * functions rely on that and work on the codes as they are, without parsing or allocating.
 */
public final class Scopes {

    private Scopes() {}

    /**
     * Parses a scope from user input; Chinese region codes are checked against {@code regions}. Rejects a bad field
     * ({@code INVALID_FIELD_OF_USE}), territory ({@code INVALID_TERRITORY}) or term ({@code INVALID_TERM}), then a
     * scope without fields or territories ({@code INVALID_SCOPE}).
     */
    public static GrantScope parse(
            Collection<String> fields,
            Collection<String> territories,
            LocalDate start,
            LocalDate end,
            RegionDirectory regions) {
        Set<FieldOfUse> parsedFields = parseFields(fields);
        Set<Territory> parsedTerritories = parseTerritories(territories, regions);
        return of(parsedFields, parsedTerritories, new Term(start, end));
    }

    /** Parses fields of use from user input (none when {@code fields} is null); rejects a bad one. */
    public static Set<FieldOfUse> parseFields(Collection<String> fields) {
        Set<FieldOfUse> parsed = new LinkedHashSet<>();
        if (fields != null) {
            fields.forEach(raw -> parsed.add(FieldOfUse.of(raw)));
        }
        return parsed;
    }

    /** Parses territories from user input (none when null), checking Chinese region codes against {@code regions}. */
    public static Set<Territory> parseTerritories(Collection<String> territories, RegionDirectory regions) {
        Objects.requireNonNull(regions, "regions");
        Set<Territory> parsed = new LinkedHashSet<>();
        if (territories != null) {
            territories.forEach(raw -> parsed.add(Territory.of(raw, regions)));
        }
        return parsed;
    }

    /** The scope of parsed fields and territories over {@code term}; rejects an empty one with {@code INVALID_SCOPE}. */
    public static GrantScope of(Collection<FieldOfUse> fields, Collection<Territory> territories, Term term) {
        requireFieldsAndTerritories(fields, territories);
        if (term == null) {
            throw Rejection.invalid(RightsCodes.INVALID_SCOPE, "scope.term", "a scope needs a term");
        }
        return new GrantScope(codes(fields), codes(territories), term.start(), term.end());
    }

    /** Rejects a missing or empty list of fields or of territories with {@code INVALID_SCOPE}. */
    public static void requireFieldsAndTerritories(Collection<FieldOfUse> fields, Collection<Territory> territories) {
        if (fields == null || fields.isEmpty()) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_SCOPE, "scope.fields", "a scope needs at least one field of use");
        }
        if (territories == null || territories.isEmpty()) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_SCOPE, "scope.territories", "a scope needs at least one territory");
        }
    }

    /** The term of a scope that entered the registry. */
    public static Term term(GrantScope scope) {
        return new Term(scope.start(), scope.end());
    }

    /** Whether some field, some territory and some day lie in both scopes. Symmetric. */
    public static boolean overlaps(GrantScope a, GrantScope b) {
        return Term.overlaps(a.start(), a.end(), b.start(), b.end()) && sharesFieldAndTerritory(a, b);
    }

    /** Whether everything {@code inner} covers is also covered by {@code outer}; needed for sublicensing. Reflexive. */
    public static boolean contains(GrantScope outer, GrantScope inner) {
        return !inner.start().isBefore(outer.start())
                && !inner.end().isAfter(outer.end())
                && containsAll(outer.fields(), inner.fields(), FieldOfUse::contains)
                && containsAll(outer.territories(), inner.territories(), Territory::contains);
    }

    /** The overlap test without the term, for callers that compare effective terms themselves. */
    static boolean sharesFieldAndTerritory(GrantScope a, GrantScope b) {
        // Territories first: they are the more selective dimension in a typical book of regional licences.
        return anyIntersects(a.territories(), b.territories(), Territory::contains)
                && anyIntersects(a.fields(), b.fields(), FieldOfUse::contains);
    }

    /** Containment of one normal-form code in another. */
    private interface Containment {
        boolean contains(String outer, String inner);
    }

    /** In a tree two codes intersect exactly when one contains the other. */
    private static boolean anyIntersects(List<String> mine, List<String> theirs, Containment tree) {
        for (int i = 0; i < mine.size(); i++) {
            String a = mine.get(i);
            for (int j = 0; j < theirs.size(); j++) {
                String b = theirs.get(j);
                if (tree.contains(a, b) || tree.contains(b, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsAll(List<String> outer, List<String> inner, Containment tree) {
        for (String theirs : inner) {
            if (outer.stream().noneMatch(mine -> tree.contains(mine, theirs))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> codes(Collection<?> values) {
        return values.stream().map(Object::toString).distinct().sorted().toList();
    }
}
