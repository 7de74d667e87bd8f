package org.techmarket.deal.domain;

import org.techmarket.shared.Rejection;

/**
 * An operator's decision on a dispute and where it leaves the deal: releasing to the seller and splitting both
 * complete it (a split is a reduced price, so the rights still pass); refunding the buyer cancels it. A split gives
 * each side a part of the escrow: nothing for the seller is a refund, everything a release, and each must be decided
 * as such.
 */
public enum DisputeOutcome {
    RELEASE,
    SPLIT,
    REFUND;

    public DealStatus closingStatus() {
        return this == REFUND ? DealStatus.CANCELLED : DealStatus.COMPLETED;
    }

    /** How the escrow of a deal without a buyer's broker is paid out; {@code sellerGrossFen} counts only for a SPLIT. */
    public Payout payout(Settlement settlement, long escrowFen, long sellerGrossFen) {
        return payout(settlement, BuyersCommission.NONE, escrowFen, sellerGrossFen);
    }

    /**
     * How the escrow is paid out when it also holds the buyer's broker's {@code commission}: the seller's share is of
     * the price part, and the commission goes as {@link BuyersCommission} says.
     */
    public Payout payout(Settlement settlement, BuyersCommission commission, long escrowFen, long sellerGrossFen) {
        return switch (this) {
            case RELEASE -> commission.release(settlement, escrowFen);
            case REFUND -> commission.refund(settlement, escrowFen);
            case SPLIT ->
                commission.split(
                        settlement, escrowFen, requireEachSideAPart(commission.priceHeld(escrowFen), sellerGrossFen));
        };
    }

    private static long requireEachSideAPart(long escrowFen, long sellerGrossFen) {
        if (sellerGrossFen <= 0 || sellerGrossFen >= escrowFen) {
            throw Rejection.invalid(
                    DealCodes.INVALID_SPLIT,
                    "sellerAmount",
                    "a split gives the seller more than 0.00"
                            + " and less than the price held in escrow " + Amounts.grouped(escrowFen)
                            + "; nothing for the seller"
                            + " is a REFUND, everything a RELEASE");
        }
        return sellerGrossFen;
    }
}
