package org.techmarket.deal;

import java.util.Optional;

/**
 * A creditor's claim on the seller's proceeds of a deal struck on a listing sold under a pledge, paid in the same
 * ledger batch as the payout: the module that holds the claim settles it and says whom to pay how much.
 */
public interface SecuredClaims {

    /** Whom the claim pays, and how much, in minor units. */
    record Claim(String creditorId, long amount) {}

    /**
     * Settles what the seller's {@code proceeds} (minor units, after the venue's fee and any broker's commission)
     * repay of the claim on {@code listingId}'s sale, if there is one; called once, at the deal's completion, under the
     * deal's lock and before any right passes.
     */
    Optional<Claim> settleOnSale(String listingId, String dealId, String currency, long proceeds);
}
