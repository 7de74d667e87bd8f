package org.techmarket.deal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Where a deal paid in instalments stands: each instalment of the contract's schedule and whether it has been
 * paid. The first is paid by funding the deal; the others are paid one by one, in order, each at most once.
 */
public record InstalmentPlan(List<Entry> entries) {

    /** One instalment: its number (from 1), amount and due date, and when it was paid. */
    public record Entry(int number, Money amount, LocalDate dueDate, Optional<Instant> paidAt) {

        public Entry {
            if (number < 1) {
                throw new IllegalArgumentException("instalments are numbered from 1");
            }
            Require.present(amount, "amount");
            Require.present(dueDate, "dueDate");
            paidAt = paidAt == null ? Optional.empty() : paidAt;
        }

        public boolean paid() {
            return paidAt.isPresent();
        }

        /** Unpaid although its due date has passed: from the day after the due date on. */
        public boolean overdueOn(LocalDate today) {
            return !paid() && today.isAfter(dueDate);
        }
    }

    public InstalmentPlan {
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).number() != i + 1) {
                throw new IllegalArgumentException("instalments are numbered 1, 2, 3, … in order");
            }
        }
    }

    /** The plan of a schedule of which nothing is paid yet. */
    public static InstalmentPlan unpaid(PaymentSchedule.Instalments schedule) {
        List<PaymentSchedule.Instalment> parts = schedule.instalments();
        return new InstalmentPlan(IntStream.range(0, parts.size())
                .mapToObj(i ->
                        new Entry(i + 1, parts.get(i).amount(), parts.get(i).dueDate(), Optional.empty()))
                .toList());
    }

    /** The schedule the contract states. */
    public PaymentSchedule.Instalments schedule() {
        return new PaymentSchedule.Instalments(entries.stream()
                .map(e -> new PaymentSchedule.Instalment(e.amount(), e.dueDate()))
                .toList());
    }

    /** The numbers of the instalments unpaid after their due date. */
    public List<Integer> overdueOn(LocalDate today) {
        return entries.stream()
                .filter(e -> e.overdueOn(today))
                .map(Entry::number)
                .toList();
    }

    /** The plan with instalment {@code number} paid at {@code at}; one already paid keeps the time it was paid. */
    public InstalmentPlan withPaid(int number, Instant at) {
        return new InstalmentPlan(entries.stream()
                .map(e -> e.number() == number && !e.paid()
                        ? new Entry(e.number(), e.amount(), e.dueDate(), Optional.of(at))
                        : e)
                .toList());
    }

    public boolean fullyPaid() {
        return entries.stream().allMatch(Entry::paid);
    }

    /**
     * The instalment the buyer may pay now as {@code number}, or the refusal: 404 INSTALMENT_NOT_FOUND for a number
     * the schedule does not have, 409 INSTALMENT_ALREADY_PAID, 409 FIRST_INSTALMENT_IS_FUNDING for the first (it is
     * paid by funding the deal) and 409 INSTALMENT_OUT_OF_ORDER while an earlier one is unpaid.
     */
    public Entry payable(int number) {
        if (number < 1 || number > entries.size()) {
            throw new Rejection(
                    Rejection.Kind.NOT_FOUND,
                    DealCodes.INSTALMENT_NOT_FOUND,
                    "The schedule has " + entries.size() + " instalments; there is no instalment " + number);
        }
        Entry entry = entries.get(number - 1);
        if (entry.paid()) {
            throw Rejection.conflict(
                    DealCodes.INSTALMENT_ALREADY_PAID,
                    "Instalment " + number + " was paid at " + entry.paidAt().get());
        }
        if (number == 1) {
            throw Rejection.conflict(
                    DealCodes.FIRST_INSTALMENT_IS_FUNDING,
                    "The first instalment is paid by funding the deal (POST /api/v1/deals/{id}/funding)");
        }
        entries.stream()
                .filter(e -> e.number() < number && !e.paid())
                .findFirst()
                .ifPresent(earlier -> {
                    throw Rejection.conflict(
                            DealCodes.INSTALMENT_OUT_OF_ORDER,
                            "Instalment " + earlier.number() + " is not paid yet; instalments are paid in order");
                });
        return entry;
    }
}
