package org.techmarket.financing.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.techmarket.financing.domain.Loan;

/**
 * What exact daily interest costs. Services a book of loans for a year, three ways, and prints each against a
 * baseline measured in the same run: the same arithmetic as a bare {@code long} loop per loan-day (whole fen of
 * {@code carry + principal × rate} over 3,650,000, the remainder carried), with no loan, no schedule and no
 * overflow guard.
 * <ol>
 * <li>{@code Loan.accrueTo} once per loan-day, the carry exact: what the daily job does;</li>
 * <li>{@code Loan.accrueTo} once per loan over the whole year: a job catching up after a stop;</li>
 * <li>a year of servicing: accrual to each due day and twelve collections per loan.</li>
 * </ol>
 * Arguments: {@code [loans] [rounds]} (defaults 20,000 and 5).
 */
public final class InterestAccrualBenchmark {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 365;

    public static void main(String[] args) {
        int loans = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Loan> book = book(loans);
        long sink = 0;
        double baseline = Double.MAX_VALUE;
        double daily = Double.MAX_VALUE;
        double catchUp = Double.MAX_VALUE;
        double servicing = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            sink += bareLoop(book);
            long t1 = System.nanoTime();
            sink += dayByDay(book);
            long t2 = System.nanoTime();
            sink += oneRun(book);
            long t3 = System.nanoTime();
            sink += yearOfServicing(book);
            long t4 = System.nanoTime();
            baseline = Math.min(baseline, perLoanDay(t1 - t0, loans));
            daily = Math.min(daily, perLoanDay(t2 - t1, loans));
            catchUp = Math.min(catchUp, perLoanDay(t3 - t2, loans));
            servicing = Math.min(servicing, perLoanDay(t4 - t3, loans));
        }
        System.out.printf("loans %d, %d days, best of %d rounds (checksum %d)%n", loans, DAYS, rounds, sink);
        System.out.printf("baseline  bare long loop, fraction carried  %8.1f ns per loan-day%n", baseline);
        System.out.printf(
                "daily     Loan.accrueTo per day, exact     %8.1f ns per loan-day  ratio %6.1f%n",
                daily, daily / baseline);
        System.out.printf(
                "catch-up  Loan.accrueTo over the year      %8.1f ns per loan-day  ratio %6.2f%n",
                catchUp, catchUp / baseline);
        System.out.printf(
                "servicing accrual + 12 collections a year  %8.1f ns per loan-day  ratio %6.2f%n",
                servicing, servicing / baseline);
    }

    private static List<Loan> book(int loans) {
        Random random = new Random(42);
        List<Loan> book = new ArrayList<>(loans);
        for (int i = 0; i < loans; i++) {
            long principal = 100_000 + (long) (random.nextDouble() * 1_000_000_000L);
            book.add(Loan.disburse("l" + i, "o", "b", principal, "CNY", 200 + random.nextInt(1200), 12, START));
        }
        return book;
    }

    private static long bareLoop(List<Loan> book) {
        long total = 0;
        for (Loan loan : book) {
            long carry = 0;
            for (int d = 0; d < DAYS; d++) {
                long exact = carry + loan.principal() * loan.rateBp();
                total += exact / 3_650_000L;
                carry = exact % 3_650_000L;
            }
        }
        return total;
    }

    private static long dayByDay(List<Loan> book) {
        long total = 0;
        for (Loan loan : book) {
            Loan current = loan;
            for (int d = 1; d <= DAYS; d++) {
                current = current.accrueTo(START.plusDays(d));
            }
            total += current.accruedInterest();
        }
        return total;
    }

    private static long oneRun(List<Loan> book) {
        long total = 0;
        for (Loan loan : book) {
            total += loan.accrueTo(START.plusDays(DAYS)).accruedInterest();
        }
        return total;
    }

    private static long yearOfServicing(List<Loan> book) {
        long total = 0;
        for (Loan loan : book) {
            Loan current = loan;
            while (current.nextUnpaid().isPresent()) {
                current = current.accrueTo(current.nextUnpaid().get().dueOn()).collectNext();
            }
            total += current.interestPaid();
        }
        return total;
    }

    private static double perLoanDay(long nanos, int loans) {
        return (double) nanos / ((double) loans * DAYS);
    }
}
