package org.techmarket.deal;

import java.util.Optional;

/**
 * The lender's authority, granted in its loan agreement, to sign and deliver for an owner whose defaulted loan's
 * pledged assets it sells: the module that holds the loans says what authority an organization has over a seller's
 * deal, so that the deal module need not know about loans.
 */
public interface PledgeEnforcement {

    /** What an organization that is not a party may do on a seller's deal under a loan it made to the seller. */
    enum Authority {
        /** The deal sells the pledged assets of the organization's loan to the seller, which is in default. */
        ENFORCES,
        /** The organization has a defaulted loan to the seller, but this deal does not sell its pledge. */
        NOT_THE_PLEDGE_SALE,
        /** The organization lends to the seller, but no loan of its to the seller is in default now. */
        NOT_IN_DEFAULT,
        /** The organization has no loan to the seller: the deal is none of its business. */
        NONE
    }

    /**
     * The authority {@code organizationId} holds over {@code sellerId}'s deal struck on {@code listingId}, as the
     * loans stand in the caller's transaction.
     */
    Authority of(String organizationId, String sellerId, Optional<String> listingId);
}
