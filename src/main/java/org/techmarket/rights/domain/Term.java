package org.techmarket.rights.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/** A half-open period of dates {@code [start, end)}: the grant holds from {@code start} up to, not including, {@code end}. */
public record Term(LocalDate start, LocalDate end) {

    /** Rejects a missing date or an empty or reversed period with {@code INVALID_TERM}. */
    public Term {
        if (start == null || end == null) {
            throw Rejection.invalid(RightsCodes.INVALID_TERM, "scope.term", "a term needs a start and an end date");
        }
        if (!start.isBefore(end)) {
            throw Rejection.invalid(
                    RightsCodes.INVALID_TERM,
                    "scope.term",
                    "a term must start before it ends (end is exclusive): " + start + " .. " + end);
        }
    }

    /** Whether some day lies in both terms. Symmetric. */
    public boolean overlaps(Term other) {
        return overlaps(start, end, other.start, other.end);
    }

    /** Whether every day of {@code other} lies in this term. Reflexive. */
    public boolean contains(Term other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /**
     * Checks the term against the calendar and the asset: it may not start before {@code today}, and may not
     * run past {@code protectionEnds}, the first day the asset is no longer protected (none while unknown).
     * These are conflicts rather than rejections because they depend on the date and on the asset, not on
     * the shape of the request, and a rights check should report them together with every other conflict.
     */
    public List<Conflict> checkTiming(LocalDate today, Optional<LocalDate> protectionEnds) {
        List<Conflict> conflicts = new ArrayList<>(2);
        if (start.isBefore(today)) {
            conflicts.add(Conflict.withAsset(
                    ConflictReason.TERM_IN_PAST, "the term starts on " + start + ", before today (" + today + ")"));
        }
        protectionEnds
                .filter(end::isAfter)
                .ifPresent(limit -> conflicts.add(Conflict.withAsset(
                        ConflictReason.TERM_BEYOND_PROTECTION,
                        "the term ends on " + end + ", but the asset's protection ends on " + limit)));
        return conflicts;
    }

    /** Half-open intervals overlap when each starts before the other ends; empty intervals overlap nothing. */
    static boolean overlaps(LocalDate start, LocalDate end, LocalDate otherStart, LocalDate otherEnd) {
        return start.isBefore(otherEnd)
                && otherStart.isBefore(end)
                && start.isBefore(end)
                && otherStart.isBefore(otherEnd);
    }
}
