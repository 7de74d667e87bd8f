package org.techmarket.deal.domain;

/**
 * An operator's decision on a dispute and where it leaves the deal: releasing to the seller and splitting both
 * complete it (a split is a reduced price, so the rights still pass); refunding the buyer cancels it.
 */
public enum DisputeOutcome {
    RELEASE, SPLIT, REFUND;

    public DealStatus closingStatus() {
        return this == REFUND ? DealStatus.CANCELLED : DealStatus.COMPLETED;
    }

    /** How the escrow is paid out; {@code sellerGrossFen} counts only for a SPLIT. */
    public Payout payout(Settlement settlement, long escrowFen, long sellerGrossFen) {
        return switch (this) {
            case RELEASE -> settlement.release(escrowFen);
            case REFUND -> settlement.refund(escrowFen);
            case SPLIT -> settlement.split(escrowFen, sellerGrossFen);
        };
    }
}
