package org.techmarket.ledger.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * An organization's request to withdraw available funds to its bank account. The funds are held from the request
 * on; an operator confirms the payout (the held funds leave the market through BANK) or the request is cancelled
 * (they return to AVAILABLE).
 */
public record CashOut(
        String id,
        String organizationId,
        Money amount,
        String holdId,
        CashOutStatus status,
        String requestedBy,
        Instant requestedAt,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt,
        Optional<String> bankReference) {

    /** Reason code of the payout transfer, and purpose of the hold that reserves its funds. */
    public static final String PURPOSE = "CASH_OUT";

    public CashOut confirm(String operator, Instant at, Optional<String> payoutReference) {
        return decide(CashOutStatus.CONFIRMED, operator, at, payoutReference);
    }

    public CashOut cancel(String actor, Instant at) {
        return decide(CashOutStatus.CANCELLED, actor, at, Optional.empty());
    }

    private CashOut decide(CashOutStatus next, String actor, Instant at, Optional<String> reference) {
        return new CashOut(
                id,
                organizationId,
                amount,
                holdId,
                status.transitionTo(next),
                requestedBy,
                requestedAt,
                Optional.of(actor),
                Optional.of(at),
                reference);
    }
}
