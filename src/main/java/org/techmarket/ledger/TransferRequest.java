package org.techmarket.ledger;

import java.util.Objects;
import java.util.Optional;
import org.techmarket.shared.Money;

/**
 * Asks the ledger to move {@code amount} from one account to another. {@code reason} is a code such as
 * {@code AUCTION_DEPOSIT}; {@code cause} links to what caused it (e.g. {@code deal:<id>}); a transfer with an
 * idempotency key is posted once, and posting it again returns the first.
 */
public record TransferRequest(
        AccountId from, AccountId to, Money amount, String reason, String cause, Optional<String> idempotencyKey) {

    public TransferRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public static TransferRequest of(AccountId from, AccountId to, Money amount, String reason, String cause) {
        return new TransferRequest(from, to, amount, reason, cause, Optional.empty());
    }

    public TransferRequest withIdempotencyKey(String key) {
        return new TransferRequest(from, to, amount, reason, cause, Optional.of(key));
    }
}
