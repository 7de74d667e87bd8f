package org.techmarket.deal.domain;

import java.time.LocalDate;
import java.util.List;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * How the price is paid: in one sum, in instalments that add up to exactly the price, or as a running royalty
 * on the licensee's reported revenue (the price then being the upfront fee, which may be zero).
 */
public sealed interface PaymentSchedule {

    /** The three forms, named as the API and the contract text name them. */
    enum Kind {
        LUMP_SUM,
        INSTALMENTS,
        RUNNING_ROYALTY
    }

    Kind kind();

    /** Refuses a schedule that does not pay exactly {@code price}. */
    void requireConsistentWith(Money price);

    /**
     * What the buyer places in escrow to make the deal FUNDED: the lump sum, the first instalment (later ones are
     * collected by their due dates), or the upfront fee of a royalty deal.
     */
    Money fundingAmount(Money price);

    /** The whole price, due on one day. */
    record LumpSum(Money amount, LocalDate dueDate) implements PaymentSchedule {

        public LumpSum {
            Require.present(amount, "payment.amount");
            Require.present(dueDate, "payment.dueDate");
        }

        @Override
        public Kind kind() {
            return Kind.LUMP_SUM;
        }

        @Override
        public void requireConsistentWith(Money price) {
            price.requireSameCurrency(amount);
            if (amount.minor() != price.minor()) {
                throw Rejection.invalid(
                        DealCodes.LUMP_SUM_MISMATCH,
                        "payment.amount",
                        "the lump sum " + amount.grouped() + " must equal the price " + price.grouped());
            }
        }

        @Override
        public Money fundingAmount(Money price) {
            return amount;
        }
    }

    /** One part of the price and the day it falls due. */
    record Instalment(Money amount, LocalDate dueDate) {

        public Instalment {
            Require.present(amount, "payment.instalments.amount");
            Require.present(dueDate, "payment.instalments.dueDate");
            if (!amount.isPositive()) {
                throw Rejection.invalid(
                        SharedCodes.INVALID_AMOUNT,
                        "payment.instalments.amount",
                        "an instalment must be more than zero");
            }
        }
    }

    /** Parts of the price on ascending due dates that sum to exactly the price, not a fen more or less. */
    record Instalments(List<Instalment> instalments) implements PaymentSchedule {

        public Instalments {
            instalments = List.copyOf(Require.present(instalments, "payment.instalments"));
            if (instalments.isEmpty()) {
                throw Rejection.invalid(
                        DealCodes.FIELD_REQUIRED, "payment.instalments", "at least one instalment is required");
            }
            for (int i = 1; i < instalments.size(); i++) {
                if (!instalments.get(i).dueDate().isAfter(instalments.get(i - 1).dueDate())) {
                    throw Rejection.invalid(
                            DealCodes.INSTALMENTS_OUT_OF_ORDER,
                            "payment.instalments[" + i + "].dueDate",
                            "instalments must fall due on ascending dates");
                }
            }
        }

        @Override
        public Kind kind() {
            return Kind.INSTALMENTS;
        }

        @Override
        public void requireConsistentWith(Money price) {
            long total = 0;
            boolean overflow = false;
            for (Instalment instalment : instalments) {
                price.requireSameCurrency(instalment.amount());
                try {
                    total = Math.addExact(total, instalment.amount().minor());
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
            if (overflow || total != price.minor()) {
                throw Rejection.invalid(
                        DealCodes.INSTALMENTS_SUM_MISMATCH,
                        "payment.instalments",
                        "the instalments must sum to the price " + price.grouped()
                                + (overflow ? "" : ", not " + Amounts.grouped(total)));
            }
        }

        @Override
        public Money fundingAmount(Money price) {
            return instalments.get(0).amount();
        }
    }

    /**
     * A share of revenue in basis points (1 to 10,000) per reporting period, never less than the minimum; each
     * period's report and payment are due {@code reportWithinDays} days after the period's last day.
     */
    record RunningRoyalty(int rateBasisPoints, Money minimumPerPeriod, ReportingPeriod period, int reportWithinDays)
            implements PaymentSchedule {

        public RunningRoyalty {
            if (rateBasisPoints < 1 || rateBasisPoints > BasisPoints.WHOLE) {
                throw Rejection.invalid(
                        DealCodes.INVALID_ROYALTY_RATE,
                        "payment.rateBasisPoints",
                        "a royalty rate is 1 to 10000 basis points (0.01% to 100%)");
            }
            Require.present(minimumPerPeriod, "payment.minimumPerPeriod")
                    .requireNotNegative("payment.minimumPerPeriod");
            Require.present(period, "payment.period");
            if (reportWithinDays < 1 || reportWithinDays > 366) {
                throw Rejection.invalid(
                        DealCodes.INVALID_REPORT_DEADLINE,
                        "payment.reportWithinDays",
                        "reports are due 1 to 366 days after the period ends");
            }
        }

        @Override
        public Kind kind() {
            return Kind.RUNNING_ROYALTY;
        }

        @Override
        public void requireConsistentWith(Money price) {
            price.requireSameCurrency(minimumPerPeriod);
        }

        @Override
        public Money fundingAmount(Money price) {
            return price;
        }
    }
}
