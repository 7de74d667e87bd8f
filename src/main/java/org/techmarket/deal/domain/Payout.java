package org.techmarket.deal.domain;

/**
 * Where an amount leaving escrow goes, in fen: to the seller, to the venue's FEES account and back to the buyer.
 * The three always add up to the amount paid out, so the ledger can post them as one balanced transfer.
 */
public record Payout(long toSeller, long toFees, long toBuyer) {

    public Payout {
        if (toSeller < 0 || toFees < 0 || toBuyer < 0) {
            throw new IllegalArgumentException(
                    "a payout has no negative parts: " + toSeller + "/" + toFees + "/" + toBuyer);
        }
        // A total beyond a long could not be posted to the ledger; refuse it here rather than let total() wrap.
        Math.addExact(Math.addExact(toSeller, toFees), toBuyer);
    }

    public long total() {
        return toSeller + toFees + toBuyer;
    }
}
