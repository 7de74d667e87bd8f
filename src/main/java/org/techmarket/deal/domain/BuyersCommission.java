package org.techmarket.deal.domain;

/**
 * The commission a deal's contract states for the buyer's broker, which the buyer places in escrow besides what
 * funding asks for the price. The escrow therefore holds the price (or the part of it paid so far) and this
 * commission; only the price part is the seller's to be awarded. Releasing the escrow pays the broker all of it, a
 * refund returns all of it to the buyer, and a split pays the broker the contract's rule applied to the price the
 * seller is awarded (a split is a reduced price), the rest going back to the buyer with the buyer's share.
 */
public record BuyersCommission(int basisPoints, long minimumFen, long dueFen) {

    /** A deal without a buyer's broker: the escrow holds the price alone. */
    public static final BuyersCommission NONE = new BuyersCommission(0, 0, 0);

    public BuyersCommission {
        if (basisPoints < 0 || basisPoints > BasisPoints.WHOLE || minimumFen < 0 || dueFen < 0) {
            throw new IllegalArgumentException("a commission is 0 to 10000 basis points with amounts of 0 or more");
        }
    }

    /** Acceptance, or a dispute decided for the seller: the price part to the seller less the fee, the commission to the broker. */
    public Payout release(Settlement settlement, long escrowFen) {
        Payout price = settlement.release(priceHeld(escrowFen));
        return new Payout(price.toSeller(), price.toFees(), price.toBuyer(), dueFen);
    }

    /** A dispute decided for the buyer: everything the buyer placed in escrow goes back, the commission with it. */
    public Payout refund(Settlement settlement, long escrowFen) {
        return settlement.refund(escrowFen);
    }

    /**
     * A dispute split: the seller is awarded {@code sellerGrossFen} of the price part; the broker is paid the contract's
     * rule on that amount (never more than the commission escrowed) and the buyer gets back the rest of both parts.
     */
    public Payout split(Settlement settlement, long escrowFen, long sellerGrossFen) {
        Payout price = settlement.split(priceHeld(escrowFen), sellerGrossFen);
        long toBroker = Math.min(dueFen, BrokerCommission.on(sellerGrossFen, basisPoints, minimumFen));
        return new Payout(price.toSeller(), price.toFees(), price.toBuyer() + dueFen - toBroker, toBroker);
    }

    /** What of {@code escrowFen} is price, the seller's to be awarded: the escrow less the commission it holds. */
    public long priceHeld(long escrowFen) {
        if (escrowFen < dueFen) {
            // funding places the commission in escrow before anything can be paid out, so this is a bug, not a request
            throw new IllegalStateException("the escrow holds " + escrowFen + " fen, less than the buyer's broker's"
                    + " commission of " + dueFen);
        }
        return escrowFen - dueFen;
    }
}
