package org.techmarket.ledger.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * An organization's request to withdraw available funds to its bank account. The funds are held from the request
 * on; an operator confirms the payout (the held funds leave the market through BANK) or the request is cancelled
 * (they return to AVAILABLE). The bank account paid to may be given (letters and digits, as {@link #bankAccount}
 * normalises it); it is shown only by its last four characters.
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
        Optional<String> bankReference,
        Optional<String> bankAccount) {

    /** Reason code of the payout transfer, and purpose of the hold that reserves its funds. */
    public static final String PURPOSE = "CASH_OUT";

    /** The account as stored: letters upper-cased, blanks and hyphens dropped; empty when none or not 8 to 34 long. */
    public static Optional<String> bankAccount(String given) {
        if (given == null) {
            return Optional.empty();
        }
        String account = given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return account.matches("[A-Z0-9]{8,34}") ? Optional.of(account) : Optional.empty();
    }

    /** The bank account as shown: all but its last four characters hidden. */
    public Optional<String> maskedBankAccount() {
        return bankAccount.map(a -> "****" + a.substring(a.length() - 4));
    }

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
                reference,
                bankAccount);
    }
}
