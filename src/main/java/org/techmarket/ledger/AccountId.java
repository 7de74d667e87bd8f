package org.techmarket.ledger;

import java.util.Objects;
import org.techmarket.shared.Money;

/** Names one ledger account: its kind, whose it is (organization, venue, deal or the market) and its currency. */
public record AccountId(AccountKind kind, String owner, String currency) implements Comparable<AccountId> {

    /** The owner of the market-wide BANK accounts. */
    public static final String MARKET = "market";

    public AccountId {
        Objects.requireNonNull(kind, "kind");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("an account needs an owner");
        }
        Money.requireCurrency(currency, "currency");
    }

    public static AccountId available(String organizationId, String currency) {
        return new AccountId(AccountKind.AVAILABLE, organizationId, currency);
    }

    public static AccountId held(String organizationId, String currency) {
        return new AccountId(AccountKind.HELD, organizationId, currency);
    }

    public static AccountId fees(String venueId, String currency) {
        return new AccountId(AccountKind.FEES, venueId, currency);
    }

    public static AccountId escrow(String dealId, String currency) {
        return new AccountId(AccountKind.ESCROW, dealId, currency);
    }

    public static AccountId bank(String currency) {
        return new AccountId(AccountKind.BANK, MARKET, currency);
    }

    /** The stable text form the ledger stores and locks in order by, such as {@code AVAILABLE:<org id>:CNY}. */
    public String key() {
        return kind.name() + ":" + owner + ":" + currency;
    }

    /** Reads a {@link #key()}; the owner is what lies between the first and the last colon. */
    public static AccountId parse(String key) {
        int first = key.indexOf(':');
        int last = key.lastIndexOf(':');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("not an account key: " + key);
        }
        return new AccountId(
                AccountKind.valueOf(key.substring(0, first)), key.substring(first + 1, last), key.substring(last + 1));
    }

    @Override
    public int compareTo(AccountId other) {
        return key().compareTo(other.key());
    }

    @Override
    public String toString() {
        return key();
    }
}
