package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.financing.domain.Instalment;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanStatus;
import org.techmarket.shared.Rejection;

class LoanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 31);

    @Test
    void theScheduleRepaysEqualPartsMonthlyAndTheRestLast() {
        var schedule = Instalment.schedule(1_000, 3, DAY);
        assertThat(schedule).extracting(Instalment::principal).containsExactly(333L, 333L, 334L);
        assertThat(schedule)
                .extracting(Instalment::dueOn)
                .containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
    }

    @Test
    void eachCollectionPaysItsPrincipalWithTheInterestAccruedAndTheLastRepaysTheLoan() {
        Loan loan = Loan.disburse("l", "o", "b", 6_000_000, "CNY", 365, 2, DAY);
        Loan first = loan.accrueTo(DAY.plusDays(28));
        assertThat(first.accruedInterest()).isEqualTo(28 * 600);
        assertThat(first.amountDue(first.nextUnpaid().orElseThrow())).isEqualTo(3_000_000 + 28 * 600);
        Loan paid = first.collectNext();
        assertThat(paid.outstanding()).isEqualTo(3_000_000);
        assertThat(paid.accruedInterest()).isZero();
        assertThat(paid.interestPaid()).isEqualTo(28 * 600);
        Loan second = paid.accrueTo(DAY.plusDays(59)).collectNext();
        assertThat(second.status()).isEqualTo(LoanStatus.REPAID);
        assertThat(second.interestPaid()).isEqualTo(28 * 600 + 31 * 300);
        assertThat(second.accrueTo(DAY.plusDays(90))).isEqualTo(second);
    }

    @Test
    void anInstalmentUnpaidPastTheGracePeriodMakesTheLoanOverdueAndOnlyThenMayItDefault() {
        Loan loan = Loan.disburse("l", "o", "b", 1_000, "CNY", 365, 1, DAY);
        LocalDate due = loan.maturesOn();
        assertThat(loan.standingOn(due.plusDays(14), 15).status()).isEqualTo(LoanStatus.ACTIVE);
        assertThatThrownBy(loan::declareDefault)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("LOAN_NOT_OVERDUE"));
        Loan overdue = loan.standingOn(due.plusDays(15), 15);
        assertThat(overdue.status()).isEqualTo(LoanStatus.OVERDUE);
        assertThat(overdue.declareDefault().status()).isEqualTo(LoanStatus.DEFAULTED);
        assertThat(overdue.accrueTo(due.plusDays(15)).repayInFull().status()).isEqualTo(LoanStatus.REPAID);
    }

    @Test
    void aDefaultedLoanAccruesUntilItsSaleWhichPaysInterestFirstAndClosesTheSchedule() {
        Loan loan = Loan.disburse("l", "o", "b", 6_000_000, "CNY", 365, 2, DAY);
        assertThatThrownBy(() -> loan.settleBySale(0))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("LOAN_NOT_DEFAULTED"));
        Loan defaulted = loan.standingOn(loan.maturesOn().plusDays(15), 15).declareDefault();
        Loan accrued = defaulted.accrueTo(DAY.plusDays(10));
        assertThat(accrued.accruedInterest()).isEqualTo(6_000);
        assertThat(accrued.payoff()).isEqualTo(6_006_000);
        assertThatThrownBy(() -> accrued.settleBySale(6_006_001)).isInstanceOf(IllegalArgumentException.class);

        Loan settled = accrued.settleBySale(1_000_000);
        assertThat(settled.status()).isEqualTo(LoanStatus.SETTLED_BY_SALE);
        assertThat(settled.outstanding()).isZero();
        assertThat(settled.accruedInterest()).isZero();
        assertThat(settled.interestPaid()).isEqualTo(6_000);
        assertThat(settled.nextUnpaid()).isEmpty();
        assertThat(settled.accrueTo(DAY.plusDays(20))).isEqualTo(settled);
        assertThat(accrued.settleBySale(3_000).interestPaid()).isEqualTo(3_000);
    }

    static Stream<Arguments> pairs() {
        return EnumSet.allOf(LoanStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(LoanStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void everyLoanStatusMoveIsAllowedOrRefusedByTheTable(LoanStatus from, LoanStatus to) {
        Set<LoanStatus> allowed = switch (from) {
            case ACTIVE -> EnumSet.of(LoanStatus.OVERDUE, LoanStatus.REPAID);
            case OVERDUE -> EnumSet.of(LoanStatus.ACTIVE, LoanStatus.REPAID, LoanStatus.DEFAULTED);
            case DEFAULTED -> EnumSet.of(LoanStatus.SETTLED_BY_SALE);
            case REPAID, SETTLED_BY_SALE -> EnumSet.noneOf(LoanStatus.class);
        };
        if (allowed.contains(to)) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOf(Rejection.class);
        }
    }
}
