package org.techmarket.financing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One repayment of principal on a loan's schedule, due on its day together with the interest accrued until then;
 * paid on the day it was collected, with the interest that went with it.
 */
public record Instalment(int seq, LocalDate dueOn, long principal, Optional<LocalDate> paidOn, long interestPaid) {

    public Instalment {
        if (principal <= 0) {
            throw new IllegalArgumentException("instalment " + seq + " repays no principal");
        }
    }

    public boolean isPaid() {
        return paidOn.isPresent();
    }

    Instalment paid(LocalDate on, long interest) {
        return new Instalment(seq, dueOn, principal, Optional.of(on), interest);
    }

    /**
     * Equal monthly repayments of principal: {@code termMonths} instalments, the k-th due k months after
     * {@code disbursedOn}; each repays the principal divided by the term, rounded down, and the last the rest.
     */
    public static List<Instalment> schedule(long principal, int termMonths, LocalDate disbursedOn) {
        if (termMonths < 1 || principal < termMonths) {
            throw new IllegalArgumentException("cannot schedule " + principal + " over " + termMonths + " months");
        }
        long each = principal / termMonths;
        List<Instalment> schedule = new ArrayList<>();
        for (int k = 1; k <= termMonths; k++) {
            long part = k < termMonths ? each : principal - each * (termMonths - 1);
            schedule.add(new Instalment(k, disbursedOn.plusMonths(k), part, Optional.empty(), 0));
        }
        return List.copyOf(schedule);
    }
}
