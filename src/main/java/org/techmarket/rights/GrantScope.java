package org.techmarket.rights;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one scope of the market: what a grant, a listed licence, an offer or a contract covers, as fields of use (IPC
 * prefixes, or {@code *} for all fields) × territories ({@code WORLD} for all, countries, GB/T 2260 codes) × days.
 *
 * <p>The end-day rule: the term is {@code [start, end)}, so {@code end} is the first day no longer covered; no
 * {@code end} means the term runs as long as the rights themselves. Contracts and offers speak of the last day
 * instead, which is {@link #lastDay()}.
 *
 * <p>Its methods avoid getter names ({@code isX}, {@code getX}) because the record is written into JSON and events
 * as its four components.
 */
public record GrantScope(List<String> fields, List<String> territories, LocalDate start, LocalDate end) {

    /** The field of use that stands for all fields. */
    public static final String ALL_FIELDS = "*";
    /** The territory that stands for the whole world. */
    public static final String WORLD = "WORLD";

    public GrantScope {
        fields = fields == null ? List.of() : List.copyOf(fields);
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    /** All fields, the whole world, from {@code start} up to, not including, {@code end} (none: open-ended). */
    public static GrantScope unrestricted(LocalDate start, LocalDate end) {
        return new GrantScope(List.of(ALL_FIELDS), List.of(WORLD), start, end);
    }

    /**
     * A scope as contracts word it: no fields or territories mean all of them, and the term runs to {@code lastDay}
     * inclusive, or as long as the rights without one.
     */
    public static GrantScope toLastDay(
            List<String> fields, List<String> territories, LocalDate start, Optional<LocalDate> lastDay) {
        return new GrantScope(
                fields.isEmpty() ? List.of(ALL_FIELDS) : fields,
                territories.isEmpty() ? List.of(WORLD) : territories,
                start,
                lastDay.map(last -> last.plusDays(1)).orElse(null));
    }

    /** The last day covered; empty when the term is open-ended (an end that leaves no day covered counts as none). */
    public Optional<LocalDate> lastDay() {
        return Optional.ofNullable(end)
                .map(first -> first.minusDays(1))
                .filter(last -> start == null || !last.isBefore(start));
    }

    /** Whether the scope covers every field of use. */
    public boolean coversAllFields() {
        return fields.equals(List.of(ALL_FIELDS));
    }

    /** Whether the scope covers the whole world. */
    public boolean coversWholeWorld() {
        return territories.equals(List.of(WORLD));
    }

    /** The fields of use named, without {@code *}: empty when the scope covers every field. */
    public List<String> namedFields() {
        return fields.stream().filter(f -> !ALL_FIELDS.equals(f)).toList();
    }

    /** The territories named, without {@code WORLD}: empty when the scope covers the whole world. */
    public List<String> namedTerritories() {
        return territories.stream().filter(t -> !WORLD.equals(t)).toList();
    }

    /** Whether the term lasts at least {@code years} full years; an open-ended term always does. */
    public boolean lastsAtLeastYears(int years) {
        return lastDay()
                .map(last -> !last.plusDays(1).isBefore(start.plusYears(years)))
                .orElse(true);
    }

    /**
     * The same scope starting no earlier than {@code day}; an end that would leave no day covered is dropped, so
     * the term then runs as long as the rights.
     */
    public GrantScope startingNoEarlierThan(LocalDate day) {
        LocalDate from = start == null || start.isBefore(day) ? day : start;
        LocalDate until = end != null && end.minusDays(1).isBefore(from) ? null : end;
        return new GrantScope(fields, territories, from, until);
    }
}
