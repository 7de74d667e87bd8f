package org.techmarket.deal.domain;

/**
 * Where an amount leaving escrow goes, in fen: to the seller, to the venue's FEES account, back to the buyer and to
 * the buyer's broker. The parts always add up to the amount paid out, so the ledger can post them as one balanced
 * batch.
 */
public record Payout(long toSeller, long toFees, long toBuyer, long toBuyersBroker) {

    public Payout {
        if (toSeller < 0 || toFees < 0 || toBuyer < 0 || toBuyersBroker < 0) {
            throw new IllegalArgumentException("a payout has no negative parts: " + toSeller + "/" + toFees + "/"
                    + toBuyer + "/" + toBuyersBroker);
        }
        // A total beyond a long could not be posted to the ledger; refuse it here rather than let total() wrap.
        Math.addExact(Math.addExact(Math.addExact(toSeller, toFees), toBuyer), toBuyersBroker);
    }

    /** A payout on a deal without a buyer's broker, or one that pays it nothing. */
    public Payout(long toSeller, long toFees, long toBuyer) {
        this(toSeller, toFees, toBuyer, 0);
    }

    public long total() {
        return toSeller + toFees + toBuyer + toBuyersBroker;
    }
}
