package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * What is granted and for how long: fields of use and territories in the parties' own words (empty means
 * unrestricted), and the term from its first day to its last day inclusive; no last day means the term runs as
 * long as the rights themselves.
 */
public record Scope(List<String> fields, List<String> territories, LocalDate start, Optional<LocalDate> end) {

    private static final int MAX_ENTRY = 200;

    public Scope {
        fields = Require.texts(fields, "scope.fields", MAX_ENTRY);
        territories = Require.texts(territories, "scope.territories", MAX_ENTRY);
        Require.present(start, "scope.start");
        end = end == null ? Optional.empty() : end;
        if (end.isPresent() && end.get().isBefore(start)) {
            throw Rejection.invalid(RightsCodes.INVALID_TERM, "scope.end", "the term must not end before it starts");
        }
    }

    /** A scope without restrictions of field or territory. */
    public static Scope unrestricted(LocalDate start, Optional<LocalDate> end) {
        return new Scope(List.of(), List.of(), start, end);
    }

    /** Whether the term lasts at least {@code years} full years; an open-ended term always does. */
    public boolean lastsAtLeastYears(int years) {
        return end.map(last -> !last.plusDays(1).isBefore(start.plusYears(years))).orElse(true);
    }
}
