package org.techmarket.financing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loan secured by pledged assets. Interest accrues daily on the outstanding principal ({@link DailyInterest}) up to,
 * not including, {@code accruedThrough}; each instalment, when collected, pays its principal together with all the
 * interest accrued until then. Instalments are collected in order: a later one never before an earlier. An instalment
 * unpaid {@code graceDays} after its due day makes the loan OVERDUE; collecting the arrears makes it ACTIVE again.
 * Paying the last instalment, or everything at once, makes it REPAID; the lender may declare an OVERDUE loan
 * DEFAULTED. Every step returns the changed loan.
 */
public record Loan(
        String id,
        String ownerId,
        String lenderId,
        long principal,
        long outstanding,
        String currency,
        int rateBp,
        LocalDate disbursedOn,
        LocalDate accruedThrough,
        long accruedInterest,
        long interestCarry,
        long interestPaid,
        LoanStatus status,
        List<Instalment> instalments) {

    public Loan {
        Objects.requireNonNull(status, "status");
        instalments = List.copyOf(instalments);
        long unpaid = instalments.stream()
                .filter(i -> !i.isPaid())
                .mapToLong(Instalment::principal)
                .sum();
        if (unpaid != outstanding) {
            throw new IllegalArgumentException("loan " + id + ": outstanding " + outstanding + " but unpaid " + unpaid);
        }
        boolean closed = status == LoanStatus.REPAID || status == LoanStatus.SETTLED_BY_SALE;
        if (closed != (outstanding == 0 && accruedInterest == 0)) {
            throw new IllegalArgumentException("loan " + id + " is " + status + " owing " + outstanding);
        }
    }

    /** A loan just disbursed on {@code on}, repaid in {@code termMonths} monthly instalments. */
    public static Loan disburse(
            String id,
            String ownerId,
            String lenderId,
            long principal,
            String currency,
            int rateBp,
            int termMonths,
            LocalDate on) {
        return new Loan(
                id,
                ownerId,
                lenderId,
                principal,
                principal,
                currency,
                rateBp,
                on,
                on,
                0,
                0,
                0,
                LoanStatus.ACTIVE,
                Instalment.schedule(principal, termMonths, on));
    }

    /** The day the last instalment falls due. */
    public LocalDate maturesOn() {
        return instalments.get(instalments.size() - 1).dueOn();
    }

    /** The earliest unpaid instalment, if any. */
    public Optional<Instalment> nextUnpaid() {
        return instalments.stream().filter(i -> !i.isPaid()).findFirst();
    }

    /** The loan with interest accrued for every day before {@code day}; unchanged when that is done already. */
    public Loan accrueTo(LocalDate day) {
        if (!status.accrues() || !day.isAfter(accruedThrough)) {
            return this;
        }
        DailyInterest.Accrual accrual =
                DailyInterest.accrue(outstanding, rateBp, interestCarry, ChronoUnit.DAYS.between(accruedThrough, day));
        return new Loan(
                id,
                ownerId,
                lenderId,
                principal,
                outstanding,
                currency,
                rateBp,
                disbursedOn,
                day,
                accruedInterest + accrual.interest(),
                accrual.carry(),
                interestPaid,
                status,
                instalments);
    }

    /** What collecting {@code instalment} now takes: its principal and every fen of interest accrued. */
    public long amountDue(Instalment instalment) {
        return Math.addExact(instalment.principal(), accruedInterest);
    }

    /** What repaying everything now takes: the outstanding principal and the interest accrued. */
    public long payoff() {
        return Math.addExact(outstanding, accruedInterest);
    }

    /** The loan once the next unpaid instalment is collected on {@code accruedThrough}; REPAID after the last. */
    public Loan collectNext() {
        Instalment next = nextUnpaid()
                .orElseThrow(() -> new IllegalStateException("loan " + id + " has nothing left to collect"));
        return paying(List.of(next.seq()));
    }

    /** The loan once everything owed is paid on {@code accruedThrough}: REPAID. */
    public Loan repayInFull() {
        return paying(instalments.stream()
                .filter(i -> !i.isPaid())
                .map(Instalment::seq)
                .toList());
    }

    /** Whether an instalment is still unpaid {@code graceDays} or more after its due day. */
    public boolean hasArrearsPastGrace(LocalDate today, int graceDays) {
        return instalments.stream()
                .anyMatch(i -> !i.isPaid() && !today.isBefore(i.dueOn().plusDays(graceDays)));
    }

    /** The status the schedule calls for on {@code today}: OVERDUE or ACTIVE for a serviced loan, else as it is. */
    public Loan standingOn(LocalDate today, int graceDays) {
        if (!status.isServiced()) {
            return this;
        }
        LoanStatus due = hasArrearsPastGrace(today, graceDays) ? LoanStatus.OVERDUE : LoanStatus.ACTIVE;
        return due == status ? this : with(status.transitionTo(due));
    }

    /** The lender declares the overdue loan in default; refused unless it is OVERDUE. */
    public Loan declareDefault() {
        return with(status.transitionTo(LoanStatus.DEFAULTED));
    }

    /**
     * The DEFAULTED loan once the sale of its pledged assets paid {@code paid} of {@link #payoff()} on
     * {@code accruedThrough}, interest first: SETTLED_BY_SALE, its schedule closed. What the sale did not cover, the
     * shortfall, is {@code payoff() - paid} and still owed, unsecured.
     */
    public Loan settleBySale(long paid) {
        if (paid < 0 || paid > payoff()) {
            throw new IllegalArgumentException("loan " + id + ": a sale pays 0 to " + payoff() + ", not " + paid);
        }
        LoanStatus settled = status.transitionTo(LoanStatus.SETTLED_BY_SALE);
        long interest = Math.min(paid, accruedInterest);
        List<Instalment> closed = new ArrayList<>();
        boolean interestGiven = false;
        for (Instalment i : instalments) {
            if (i.isPaid()) {
                closed.add(i);
            } else {
                closed.add(i.paid(accruedThrough, interestGiven ? 0 : interest));
                interestGiven = true;
            }
        }
        return new Loan(
                id,
                ownerId,
                lenderId,
                principal,
                0,
                currency,
                rateBp,
                disbursedOn,
                accruedThrough,
                0,
                0,
                interestPaid + interest,
                settled,
                closed);
    }

    private Loan paying(List<Integer> seqs) {
        if (!status.isServiced()) {
            status.transitionTo(LoanStatus.REPAID);
        }
        List<Instalment> next = new ArrayList<>();
        long repaid = 0;
        boolean interestGiven = false;
        for (Instalment i : instalments) {
            if (seqs.contains(i.seq())) {
                next.add(i.paid(accruedThrough, interestGiven ? 0 : accruedInterest));
                interestGiven = true;
                repaid += i.principal();
            } else {
                next.add(i);
            }
        }
        long left = outstanding - repaid;
        LoanStatus nextStatus = left == 0 ? status.transitionTo(LoanStatus.REPAID) : status;
        return new Loan(
                id,
                ownerId,
                lenderId,
                principal,
                left,
                currency,
                rateBp,
                disbursedOn,
                accruedThrough,
                0,
                left == 0 ? 0 : interestCarry,
                interestPaid + accruedInterest,
                nextStatus,
                next);
    }

    private Loan with(LoanStatus next) {
        return new Loan(
                id,
                ownerId,
                lenderId,
                principal,
                outstanding,
                currency,
                rateBp,
                disbursedOn,
                accruedThrough,
                accruedInterest,
                interestCarry,
                interestPaid,
                next,
                instalments);
    }
}
