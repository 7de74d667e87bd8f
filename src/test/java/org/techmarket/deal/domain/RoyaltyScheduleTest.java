package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

class RoyaltyScheduleTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static RoyaltySchedule schedule(LocalDate start, Optional<LocalDate> end, ReportingPeriod period) {
        return new RoyaltySchedule(start, end, period, 30);
    }

    @Test
    void aYearOfQuarterlyReportsFromJanuaryFollowsTheCalendarQuarters() {
        List<RoyaltyPeriod> quarters =
                schedule(JAN_1, Optional.empty(), ReportingPeriod.QUARTERLY).periodsBetween(JAN_1, JAN_1.plusYears(1));
        assertThat(quarters)
                .containsExactly(
                        new RoyaltyPeriod(1, JAN_1, LocalDate.of(2026, 3, 31)),
                        new RoyaltyPeriod(2, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
                        new RoyaltyPeriod(3, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                        new RoyaltyPeriod(4, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aYearOfMonthlyReportsHasTwelveContiguousPeriods() {
        List<RoyaltyPeriod> months =
                schedule(JAN_1, Optional.empty(), ReportingPeriod.MONTHLY).periodsBetween(JAN_1, JAN_1.plusYears(1));
        assertThat(months).hasSize(12);
        for (int i = 1; i < months.size(); i++) {
            assertThat(months.get(i).firstDay())
                    .isEqualTo(months.get(i - 1).lastDay().plusDays(1));
        }
        assertThat(months.get(1)).isEqualTo(new RoyaltyPeriod(2, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void periodsAreAnchoredOnTheFirstDayOfTheLicenceWithoutDrifting() {
        RoyaltySchedule fromJan31 = schedule(LocalDate.of(2026, 1, 31), Optional.empty(), ReportingPeriod.MONTHLY);
        assertThat(fromJan31.period(1))
                .contains(new RoyaltyPeriod(1, LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 27)));
        assertThat(fromJan31.period(2))
                .contains(new RoyaltyPeriod(2, LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 30)));
        assertThat(fromJan31.period(3))
                .contains(new RoyaltyPeriod(3, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 29)));
        assertThat(fromJan31.period(0)).isEmpty();
    }

    @Test
    void theTermEndCutsTheLastPeriodShortAndEndsTheSchedule() {
        RoyaltySchedule twoYears =
                schedule(LocalDate.of(2026, 3, 15), Optional.of(LocalDate.of(2027, 5, 31)), ReportingPeriod.YEARLY);
        assertThat(twoYears.periodsBetween(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)))
                .containsExactly(
                        new RoyaltyPeriod(1, LocalDate.of(2026, 3, 15), LocalDate.of(2027, 3, 14)),
                        new RoyaltyPeriod(2, LocalDate.of(2027, 3, 15), LocalDate.of(2027, 5, 31)));
        assertThat(twoYears.period(3)).isEmpty();
    }

    @Test
    void periodsBetweenIncludesEveryPeriodTheIntervalTouches() {
        RoyaltySchedule quarterly = schedule(JAN_1, Optional.empty(), ReportingPeriod.QUARTERLY);
        assertThat(quarterly.periodsBetween(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 2)))
                .extracting(RoyaltyPeriod::number)
                .containsExactly(1, 2);
        assertThat(quarterly.periodsBetween(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)))
                .isEmpty();
        assertThatThrownBy(() -> quarterly.periodsBetween(JAN_1, JAN_1.minusDays(1)))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_PERIOD");
    }

    @Test
    void aReportIsDueWithinTheAgreedDaysAfterThePeriodEnds() {
        RoyaltySchedule quarterly = schedule(JAN_1, Optional.empty(), ReportingPeriod.QUARTERLY);
        assertThat(quarterly.dueDate(quarterly.period(1).orElseThrow())).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(quarterly.dueDate(quarterly.period(4).orElseThrow())).isEqualTo(LocalDate.of(2027, 1, 30));
    }

    @Test
    void periodsEndedBeforeTodayMayBeReported() {
        RoyaltySchedule quarterly = schedule(JAN_1, Optional.empty(), ReportingPeriod.QUARTERLY);
        assertThat(quarterly.endedPeriods(LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(quarterly.endedPeriods(LocalDate.of(2026, 4, 1)))
                .extracting(RoyaltyPeriod::number)
                .containsExactly(1);
        assertThat(quarterly.endedPeriods(JAN_1.minusDays(10))).isEmpty();
    }

    @Test
    void aReportIsMissingFromTheDayAfterItsDueDate() {
        RoyaltySchedule quarterly = schedule(JAN_1, Optional.empty(), ReportingPeriod.QUARTERLY);
        RoyaltyPeriod q1 = quarterly.period(1).orElseThrow();
        RoyaltyPeriod q2 = quarterly.period(2).orElseThrow();
        assertThat(quarterly.missingReports(List.of(), LocalDate.of(2026, 4, 30)))
                .isEmpty();
        assertThat(quarterly.missingReports(List.of(), LocalDate.of(2026, 5, 1)))
                .containsExactly(q1);
        assertThat(quarterly.missingReports(List.of(q1), LocalDate.of(2026, 5, 1)))
                .isEmpty();
        assertThat(quarterly.missingReports(List.of(q1), LocalDate.of(2026, 8, 1)))
                .containsExactly(q2);
        assertThat(quarterly.missingReports(List.of(q2), LocalDate.of(2027, 2, 1)))
                .extracting(RoyaltyPeriod::number)
                .containsExactly(1, 3, 4);
    }

    @Test
    void aScheduleDoesNotEndBeforeItStarts() {
        assertThatThrownBy(() -> schedule(JAN_1, Optional.of(JAN_1.minusDays(1)), ReportingPeriod.MONTHLY))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_TERM");
    }
}
