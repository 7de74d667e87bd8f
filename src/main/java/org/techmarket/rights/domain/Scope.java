package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * What a grant covers: fields of use × territories × term. Two scopes overlap when some field, some
 * territory and some day are in both; one contains another when each of the other's fields and
 * territories lies inside one of its own and its term covers the other's.
 */
public record Scope(Set<FieldOfUse> fields, Set<Territory> territories, Term term) {

    /** Rejects a scope without fields, territories or term with {@code INVALID_SCOPE}. */
    public Scope {
        if (fields == null || fields.isEmpty()) {
            throw Rejection.invalid(RightsCodes.INVALID_SCOPE, "scope.fields",
                    "a scope needs at least one field of use");
        }
        if (territories == null || territories.isEmpty()) {
            throw Rejection.invalid(RightsCodes.INVALID_SCOPE, "scope.territories",
                    "a scope needs at least one territory");
        }
        if (term == null) {
            throw Rejection.invalid(RightsCodes.INVALID_SCOPE, "scope.term", "a scope needs a term");
        }
        fields = Set.copyOf(fields);
        territories = Set.copyOf(territories);
    }

    /** Parses a scope from user input; Chinese region codes are checked against {@code regions}. */
    public static Scope of(Collection<String> fields, Collection<String> territories, LocalDate start, LocalDate end,
            RegionDirectory regions) {
        Objects.requireNonNull(regions, "regions");
        Set<FieldOfUse> parsedFields = new LinkedHashSet<>();
        if (fields != null) {
            fields.forEach(raw -> parsedFields.add(FieldOfUse.of(raw)));
        }
        Set<Territory> parsedTerritories = new LinkedHashSet<>();
        if (territories != null) {
            territories.forEach(raw -> parsedTerritories.add(Territory.of(raw, regions)));
        }
        return new Scope(parsedFields, parsedTerritories, new Term(start, end));
    }

    /** Whether some field, some territory and some day lie in both scopes. Symmetric. */
    public boolean overlaps(Scope other) {
        return term.overlaps(other.term) && sharesFieldAndTerritory(other);
    }

    /** Whether everything {@code other} covers is also covered by this scope; needed for sublicensing. Reflexive. */
    public boolean contains(Scope other) {
        return term.contains(other.term) && containsAllFields(other.fields) && containsAllTerritories(other.territories);
    }

    /** The overlap test without the term, for callers that compare effective terms themselves. */
    boolean sharesFieldAndTerritory(Scope other) {
        // Territories first: they are the more selective dimension in a typical book of regional licences.
        return anyTerritoryIntersects(other.territories) && anyFieldIntersects(other.fields);
    }

    private boolean anyTerritoryIntersects(Set<Territory> theirs) {
        for (Territory mine : territories) {
            for (Territory other : theirs) {
                if (mine.intersects(other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anyFieldIntersects(Set<FieldOfUse> theirs) {
        for (FieldOfUse mine : fields) {
            for (FieldOfUse other : theirs) {
                if (mine.intersects(other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean containsAllFields(Set<FieldOfUse> theirs) {
        for (FieldOfUse other : theirs) {
            if (fields.stream().noneMatch(mine -> mine.contains(other))) {
                return false;
            }
        }
        return true;
    }

    private boolean containsAllTerritories(Set<Territory> theirs) {
        for (Territory other : theirs) {
            if (territories.stream().noneMatch(mine -> mine.contains(other))) {
                return false;
            }
        }
        return true;
    }
}
