package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Rejection;

/**
 * The reporting calendar of a running royalty. Periods are anchored on the licence's first day (a licence from
 * 15 March reports 15 March–14 June, 15 June–14 September, …; one from 1 January reports calendar quarters), so
 * every period but a last one cut short by the end of the term is whole and owes the whole minimum. Each period's
 * report and payment are due {@code reportWithinDays} days after its last day; a report not made by then is
 * missing from the day after.
 */
public record RoyaltySchedule(LocalDate start, Optional<LocalDate> end, ReportingPeriod period, int reportWithinDays) {

    public RoyaltySchedule {
        Require.present(start, "start");
        end = end == null ? Optional.empty() : end;
        Require.present(period, "period");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw Rejection.invalid(RightsCodes.INVALID_TERM, "end", "the term must not end before it starts");
        }
        if (reportWithinDays < 1) {
            throw Rejection.invalid(
                    DealCodes.INVALID_REPORT_DEADLINE,
                    "reportWithinDays",
                    "reports are due at least one day after the period ends");
        }
    }

    /** Period {@code number} (from 1), or empty when the term ends before it begins. */
    public Optional<RoyaltyPeriod> period(int number) {
        if (number < 1) {
            return Optional.empty();
        }
        // Counted from the anchor each time, so that a licence from 31 January keeps reporting from the 31st
        // (or the month's last day) instead of drifting to the 28th after February.
        LocalDate first = start.plusMonths((long) (number - 1) * period.months());
        if (end.isPresent() && first.isAfter(end.get())) {
            return Optional.empty();
        }
        LocalDate last = start.plusMonths((long) number * period.months()).minusDays(1);
        if (end.isPresent() && last.isAfter(end.get())) {
            last = end.get();
        }
        return Optional.of(new RoyaltyPeriod(number, first, last));
    }

    /** The periods that overlap the days from {@code from} up to, not including, {@code until}. */
    public List<RoyaltyPeriod> periodsBetween(LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            throw Rejection.invalid(DealCodes.INVALID_PERIOD, "until", "the interval must not end before it starts");
        }
        List<RoyaltyPeriod> result = new ArrayList<>();
        for (int n = 1; ; n++) {
            Optional<RoyaltyPeriod> candidate = period(n);
            if (candidate.isEmpty() || !candidate.get().firstDay().isBefore(until)) {
                return List.copyOf(result);
            }
            if (!candidate.get().lastDay().isBefore(from)) {
                result.add(candidate.get());
            }
        }
    }

    /** The last day on which the report and payment for {@code reported} are on time. */
    public LocalDate dueDate(RoyaltyPeriod reported) {
        return reported.lastDay().plusDays(reportWithinDays);
    }

    /** The periods that have ended before {@code today}, whose reports may be made now. */
    public List<RoyaltyPeriod> endedPeriods(LocalDate today) {
        if (!today.isAfter(start)) {
            return List.of();
        }
        return periodsBetween(start, today).stream()
                .filter(p -> p.lastDay().isBefore(today))
                .toList();
    }

    /** The periods whose report was due before {@code today} and has not been made, oldest first. */
    public List<RoyaltyPeriod> missingReports(Collection<RoyaltyPeriod> reported, LocalDate today) {
        Set<Integer> done = reported.stream().map(RoyaltyPeriod::number).collect(Collectors.toSet());
        return endedPeriods(today).stream()
                .filter(p -> dueDate(p).isBefore(today))
                .filter(p -> !done.contains(p.number()))
                .toList();
    }
}
