package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** Which instalment may be paid now, which are overdue, and the schedule a plan states. */
class InstalmentPlanTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);
    private static final Instant PAID = Instant.parse("2027-01-10T08:00:00Z");

    private static InstalmentPlan plan(boolean... paid) {
        List<InstalmentPlan.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < paid.length; i++) {
            entries.add(new InstalmentPlan.Entry(
                    i + 1,
                    Money.cny(100_00L * (i + 1)),
                    DUE.plusMonths(3L * i),
                    paid[i] ? Optional.of(PAID) : Optional.empty()));
        }
        return new InstalmentPlan(entries);
    }

    private static Rejection refusal(InstalmentPlan plan, int number) {
        return catchThrowableOfType(Rejection.class, () -> plan.payable(number));
    }

    @Test
    void theNextUnpaidInstalmentAfterTheFirstIsPayable() {
        assertThat(plan(true, false, false).payable(2).amount()).isEqualTo(Money.cny(200_00L));
        assertThat(plan(true, true, false).payable(3).dueDate()).isEqualTo(DUE.plusMonths(6));
    }

    @Test
    void theFirstInstalmentIsPaidByFunding() {
        Rejection refused = refusal(plan(false, false), 1);
        assertThat(refused.code()).isEqualTo("FIRST_INSTALMENT_IS_FUNDING");
        assertThat(refused.kind()).isEqualTo(Rejection.Kind.CONFLICT);
    }

    @Test
    void fundingPaysTheFirstInstalmentAndLeavesTheOthersAndAnEarlierPaymentAsTheyWere() {
        Instant later = PAID.plusSeconds(3_600);
        InstalmentPlan funded = plan(false, false, false).withPaid(1, later);
        assertThat(funded.entries().get(0).paidAt()).contains(later);
        assertThat(funded.entries().subList(1, 3)).allMatch(e -> !e.paid());
        assertThat(funded.payable(2).number()).isEqualTo(2);
        assertThat(plan(true, false).withPaid(1, later).entries().get(0).paidAt())
                .contains(PAID);
    }

    @Test
    void aPaidInstalmentIsNotPaidAgain() {
        assertThat(refusal(plan(true, true, false), 2).code()).isEqualTo("INSTALMENT_ALREADY_PAID");
        assertThat(refusal(plan(true, true, false), 1).code()).isEqualTo("INSTALMENT_ALREADY_PAID");
    }

    @Test
    void instalmentsArePaidInOrder() {
        Rejection refused = refusal(plan(true, false, false), 3);
        assertThat(refused.code()).isEqualTo("INSTALMENT_OUT_OF_ORDER");
        assertThat(refused.getMessage()).contains("Instalment 2");
    }

    @Test
    void aNumberOutsideTheScheduleIsNotFound() {
        for (int number : new int[] {0, -1, 4, Integer.MAX_VALUE}) {
            Rejection refused = refusal(plan(true, false, false), number);
            assertThat(refused.code()).as("instalment " + number).isEqualTo("INSTALMENT_NOT_FOUND");
            assertThat(refused.kind()).isEqualTo(Rejection.Kind.NOT_FOUND);
        }
    }

    @Test
    void anInstalmentIsOverdueFromTheDayAfterItsDueDateUntilPaid() {
        InstalmentPlan plan = plan(true, false, false);
        assertThat(plan.overdueOn(DUE.plusMonths(3))).isEmpty();
        assertThat(plan.overdueOn(DUE.plusMonths(3).plusDays(1))).containsExactly(2);
        assertThat(plan.overdueOn(DUE.plusMonths(6).plusDays(1))).containsExactly(2, 3);
        assertThat(plan(true, true, false).overdueOn(DUE.plusMonths(6).plusDays(1)))
                .containsExactly(3);
        assertThat(plan(true, true, true).overdueOn(DUE.plusYears(5))).isEmpty();
    }

    @Test
    void fullyPaidOnlyWhenEveryInstalmentIs() {
        assertThat(plan(true, true, true).fullyPaid()).isTrue();
        assertThat(plan(true, false, true).fullyPaid()).isFalse();
    }

    @Test
    void aPlanRestatesTheScheduleItWasMadeFrom() {
        Random random = new Random(0x2027L);
        for (int round = 0; round < 200; round++) {
            int parts = 1 + random.nextInt(12);
            List<PaymentSchedule.Instalment> instalments = new java.util.ArrayList<>();
            for (int i = 0; i < parts; i++) {
                instalments.add(new PaymentSchedule.Instalment(
                        Money.cny(1 + Draw.upTo(random, 10_000_000_00L)),
                        DUE.plusDays(1 + i * 30L + random.nextInt(30))));
            }
            PaymentSchedule.Instalments schedule = new PaymentSchedule.Instalments(instalments);
            InstalmentPlan plan = InstalmentPlan.unpaid(schedule);
            assertThat(plan.schedule()).isEqualTo(schedule);
            assertThat(plan.entries())
                    .extracting(InstalmentPlan.Entry::number)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, parts)
                            .boxed()
                            .toList());
            assertThat(plan.fullyPaid()).isFalse();
        }
    }

    @Test
    void entriesAreNumberedFromOneWithoutGaps() {
        InstalmentPlan.Entry second = new InstalmentPlan.Entry(2, Money.cny(1), DUE, Optional.empty());
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new InstalmentPlan(List.of(second))))
                .isNotNull();
    }
}
