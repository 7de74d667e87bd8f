package org.techmarket.deal.domain;

import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The money rules of a deal at a venue charging {@code feeBasisPoints} on what the seller receives, never less than
 * {@code minimumFeeFen} nor more than {@code maximumFeeFen} on one payment, and never more than the payment. Every
 * result is exact in fen and rounded once, half up; the seller's amount is what is left after the fee, so fee and
 * seller always add up to the gross amount and nothing is created or lost by rounding. Buyers' refunds carry no fee.
 */
public record Settlement(int feeBasisPoints, long minimumFeeFen, long maximumFeeFen) {

    public Settlement {
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

    /** A rate without bounds. */
    public Settlement(int feeBasisPoints) {
        this(feeBasisPoints, 0, Long.MAX_VALUE);
    }

    /** The venue's fee on {@code grossFen} paid to a seller, rounded half up to the fen, within the bounds. */
    public long fee(long grossFen) {
        long byRate = BasisPoints.share(requireAmount(grossFen, "amount"), feeBasisPoints);
        return Math.min(grossFen, Math.min(maximumFeeFen, Math.max(minimumFeeFen, byRate)));
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
