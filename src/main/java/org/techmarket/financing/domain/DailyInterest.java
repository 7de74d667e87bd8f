package org.techmarket.financing.domain;

import java.math.BigInteger;

/**
 * Simple interest accrued day by day, exactly, on {@code long} fen. A day's interest on principal {@code P} at
 * {@code r} basis points a year is {@code P × r / (10,000 × 365)} fen (actual/365, every day alike). Only whole fen
 * are booked: the fraction below a fen is carried, as a numerator over {@link #DENOMINATOR}, into the next day. So the
 * interest booked over any run of days is the exact interest rounded down, at most one fen short, however the days
 * are split into runs; the fraction still carried when a loan is repaid is waived, in the borrower's favour.
 */
public final class DailyInterest {

    /** Basis points in one, times days in a year: the carry is always below it. */
    public static final long DENOMINATOR = 10_000L * 365;

    private DailyInterest() {}

    /** Whole fen accrued and the fraction carried on. */
    public record Accrual(long interest, long carry) {}

    /** The interest on {@code principal} at {@code rateBp} over {@code days} days, after {@code carry} from before. */
    public static Accrual accrue(long principal, int rateBp, long carry, long days) {
        if (principal < 0 || rateBp < 0 || days < 0 || carry < 0 || carry >= DENOMINATOR) {
            throw new IllegalArgumentException(
                    "cannot accrue on " + principal + " at " + rateBp + "bp over " + days + " days, carry " + carry);
        }
        BigInteger exact = BigInteger.valueOf(principal)
                .multiply(BigInteger.valueOf(rateBp))
                .multiply(BigInteger.valueOf(days))
                .add(BigInteger.valueOf(carry));
        BigInteger[] whole = exact.divideAndRemainder(BigInteger.valueOf(DENOMINATOR));
        return new Accrual(whole[0].longValueExact(), whole[1].longValueExact());
    }
}
