package org.techmarket.deal.domain;

import org.techmarket.shared.Money;

/**
 * A deal as a list of deals shows it: its parties, price and status, without its contract's texts or terms, so that a
 * page of them reads a few short columns per deal.
 */
public record DealSummary(
        String id,
        DealStatus status,
        String sellerId,
        String sellerName,
        String buyerId,
        String buyerName,
        Money price) {

    /** Whether the organization sells in this deal (else it buys). */
    public boolean soldBy(String organizationId) {
        return sellerId.equals(organizationId);
    }
}
