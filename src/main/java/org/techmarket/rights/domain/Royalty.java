package org.techmarket.rights.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.techmarket.rights.RightsCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * What a taker of an open licence pays: a lump sum, or a share of revenue with a minimum for every licence
 * year. The amount due when the licence is taken is what is owed without any revenue report: the lump sum,
 * or the minimum for each licence year the term starts (a licence year runs twelve months from the start).
 */
public sealed interface Royalty {

    /** The amount owed when a licence over {@code term} is taken. */
    Money amountDue(Term term);

    /** A single payment for the whole licence. */
    record LumpSum(Money amount) implements Royalty {

        public LumpSum {
            Objects.requireNonNull(amount, "amount").requirePositive("amount");
        }

        @Override
        public Money amountDue(Term term) {
            return amount;
        }
    }

    /** A share of revenue in basis points (1 to 10,000) with a minimum payment per licence year. */
    record PercentOfRevenue(int basisPoints, Money minimumPerYear) implements Royalty {

        private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

        public PercentOfRevenue {
            if (basisPoints < 1 || basisPoints > 10_000) {
                throw new IllegalArgumentException("a revenue share is between 0.01 and 100 percent: " + basisPoints);
            }
            Objects.requireNonNull(minimumPerYear, "minimumPerYear").requirePositive("minimumPerYear");
        }

        /** Parses a percent string such as {@code "3.5"} (above 0, at most 100, at most two decimals). */
        public static int basisPoints(String percent, String field) {
            if (percent == null || !PERCENT.matcher(percent).matches()) {
                throw Rejection.invalid(
                        RightsCodes.INVALID_ROYALTY, field, "a percent is a decimal string such as \"3.50\"");
            }
            int points = new BigDecimal(percent).movePointRight(2).intValueExact();
            if (points < 1 || points > 10_000) {
                throw Rejection.invalid(
                        RightsCodes.INVALID_ROYALTY, field, "a revenue share is above 0 and at most 100 percent");
            }
            return points;
        }

        /** The share as a percent string with two decimals, as the API writes it. */
        public String percent() {
            return BigDecimal.valueOf(basisPoints, 2).toPlainString();
        }

        @Override
        public Money amountDue(Term term) {
            return minimumPerYear.times(licenceYears(term));
        }

        private static long licenceYears(Term term) {
            long years = 0;
            while (term.start().plusYears(years).isBefore(term.end())) {
                years++;
            }
            return years;
        }
    }
}
