package org.techmarket.deal.domain;

import java.math.BigInteger;
import java.util.Optional;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The money rules of a deal at a venue charging {@code feeBasisPoints} on what the seller receives, never less than
 * {@code minimumFeeFen} nor more than {@code maximumFeeFen} over the deal, and never more than the payment. A deal
 * paid at once pays its whole fee on that payment; a deal paid in instalments ({@code part}) pays on each payment its
 * share of the deal's fee, so the minimum or maximum is paid once over the deal and the last payment trues the sum up
 * to the fen. Every result is exact in fen and rounded half up; the seller's amount is what is left after the fee, so
 * fee and seller always add up to the gross amount and nothing is created or lost by rounding. Buyers' refunds carry
 * no fee.
 */
public record Settlement(int feeBasisPoints, long minimumFeeFen, long maximumFeeFen, Optional<PartOfDeal> part) {

    /**
     * A payment that is part of a deal of {@code dealFen} paid in several payments, of which {@code paidOutBeforeFen}
     * reached the seller before this one.
     */
    public record PartOfDeal(long dealFen, long paidOutBeforeFen) {

        public PartOfDeal {
            if (dealFen <= 0 || paidOutBeforeFen < 0) {
                throw new IllegalArgumentException("a deal's total is positive and what it paid out is not negative");
            }
        }
    }

    public Settlement {
        part = part == null ? Optional.empty() : part;
        if (feeBasisPoints < 0 || feeBasisPoints > BasisPoints.WHOLE) {
            throw Rejection.invalid(
                    DealCodes.INVALID_FEE_RATE, "feeBasisPoints", "the venue fee is 0 to 10000 basis points");
        }
        if (minimumFeeFen < 0 || maximumFeeFen < minimumFeeFen) {
            throw Rejection.invalid(
                    DealCodes.INVALID_FEE_RATE,
                    "minimumFee",
                    "the fee's minimum is 0 or more and not above its maximum");
        }
    }

    /** A rate bounded on each payment, for a deal paid at once. */
    public Settlement(int feeBasisPoints, long minimumFeeFen, long maximumFeeFen) {
        this(feeBasisPoints, minimumFeeFen, maximumFeeFen, Optional.empty());
    }

    /** A rate without bounds. */
    public Settlement(int feeBasisPoints) {
        this(feeBasisPoints, 0, Long.MAX_VALUE);
    }

    /** The same rules for a payment that is part of a deal of {@code dealFen}, after {@code paidOutBeforeFen}. */
    public Settlement partOf(long dealFen, long paidOutBeforeFen) {
        return new Settlement(
                feeBasisPoints, minimumFeeFen, maximumFeeFen, Optional.of(new PartOfDeal(dealFen, paidOutBeforeFen)));
    }

    /**
     * The venue's fee on {@code grossFen} paid to a seller, rounded half up to the fen, within the bounds. For a part
     * of a deal it is the deal's fee times what has been paid out after this payment, less the same before it, each
     * rounded half up: the parts of a deal paid in full sum to its fee exactly.
     */
    public long fee(long grossFen) {
        requireAmount(grossFen, "amount");
        if (part.isEmpty()) {
            return boundedFee(grossFen);
        }
        long dealFen = part.get().dealFen();
        long dealFee = boundedFee(dealFen);
        long before = Math.min(part.get().paidOutBeforeFen(), dealFen);
        long after = grossFen >= dealFen - before ? dealFen : before + grossFen;
        return Math.min(grossFen, shareOf(dealFee, after, dealFen) - shareOf(dealFee, before, dealFen));
    }

    private long boundedFee(long grossFen) {
        long byRate = BasisPoints.share(grossFen, feeBasisPoints);
        return Math.min(grossFen, Math.min(maximumFeeFen, Math.max(minimumFeeFen, byRate)));
    }

    // fee × paid / total, rounded half up; a product beyond a long's range is taken exactly, in a BigInteger.
    private static long shareOf(long feeFen, long paidFen, long totalFen) {
        long quotient;
        long remainder;
        if (Math.multiplyHigh(feeFen, paidFen) == 0 && feeFen * paidFen >= 0) {
            long product = feeFen * paidFen;
            quotient = product / totalFen;
            remainder = product % totalFen;
        } else {
            BigInteger[] divided = BigInteger.valueOf(feeFen)
                    .multiply(BigInteger.valueOf(paidFen))
                    .divideAndRemainder(BigInteger.valueOf(totalFen));
            quotient = divided[0].longValueExact();
            remainder = divided[1].longValueExact();
        }
        return remainder >= totalFen - remainder ? quotient + 1 : quotient;
    }

    /** Acceptance, or a dispute decided for the seller: the whole escrow goes to the seller, less the fee. */
    public Payout release(long escrowFen) {
        return split(escrowFen, escrowFen);
    }

    /** A dispute decided for the buyer, or a cancellation: the whole escrow returns to the buyer, without fee. */
    public Payout refund(long escrowFen) {
        return split(escrowFen, 0);
    }

    /**
     * A dispute decided partly for each side: the seller is awarded {@code sellerGrossFen} of the escrow, out of
     * which the fee is paid; the buyer gets the rest back.
     */
    public Payout split(long escrowFen, long sellerGrossFen) {
        requireAmount(escrowFen, "escrow");
        if (sellerGrossFen < 0 || sellerGrossFen > escrowFen) {
            throw Rejection.invalid(
                    DealCodes.INVALID_SPLIT,
                    "sellerAmount",
                    "the seller's share must be between 0" + " and the escrow balance " + Amounts.grouped(escrowFen));
        }
        long fee = fee(sellerGrossFen);
        return new Payout(sellerGrossFen - fee, fee, escrowFen - sellerGrossFen);
    }

    /**
     * A buyer's default: the deposit is forfeited to the seller, less the fee, and anything the buyer paid into
     * escrow beyond the deposit goes back to the buyer.
     */
    public Payout forfeit(long escrowFen, long depositFen) {
        requireAmount(escrowFen, "escrow");
        if (depositFen < 0 || depositFen > escrowFen) {
            throw Rejection.invalid(
                    DealCodes.INVALID_SPLIT,
                    "deposit",
                    "the deposit must be between 0 and the" + " escrow balance " + Amounts.grouped(escrowFen));
        }
        return split(escrowFen, depositFen);
    }

    /**
     * The running royalty for one period: {@code rate × revenue}, rounded half up to the fen, but never less than
     * the minimum per period. A period with no revenue owes the minimum.
     */
    public static Money royaltyDue(PaymentSchedule.RunningRoyalty terms, Money revenue) {
        terms.minimumPerPeriod().requireSameCurrency(revenue);
        long byRate = BasisPoints.share(revenue.minor(), terms.rateBasisPoints());
        return new Money(Math.max(byRate, terms.minimumPerPeriod().minor()), revenue.currency());
    }

    private static long requireAmount(long fen, String field) {
        if (fen < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, "an amount must not be negative");
        }
        return fen;
    }
}
