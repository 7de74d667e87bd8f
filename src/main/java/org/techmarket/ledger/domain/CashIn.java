package org.techmarket.ledger.domain;

import java.time.Instant;
import org.techmarket.shared.Money;

/** Money an operator saw arrive at the settlement bank for an organization; each bank reference counts once. */
public record CashIn(
        String id,
        String bankReference,
        String organizationId,
        Money amount,
        String transferId,
        String recordedBy,
        Instant recordedAt) {

    /** Reason code of the transfer that brings the money in from BANK. */
    public static final String REASON = "CASH_IN";

    /** True when this records the same receipt as the other details: same organization and amount. */
    public boolean sameReceipt(String organization, Money other) {
        return organizationId.equals(organization) && amount.equals(other);
    }
}
