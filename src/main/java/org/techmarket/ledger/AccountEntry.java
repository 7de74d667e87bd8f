package org.techmarket.ledger;

import java.time.Instant;
import org.techmarket.shared.Money;

/**
 * One line of an account's statement: the posting's place in the ledger, the transfer it belongs to, the amount (in
 * positive, out negative), the balance after it, when, why, for what and from or to which account.
 */
public record AccountEntry(
        long sequence,
        String transferId,
        Money amount,
        Money balanceAfter,
        Instant postedAt,
        String reason,
        String cause,
        AccountId counterAccount) {}
