package org.techmarket.deal.domain;

import java.util.Currency;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * An amount in minor units (fen for CNY) and its ISO 4217 currency. Amounts are never negative; only currencies
 * with two minor digits are accepted, so that "minor units" always means hundredths.
 */
public record Money(long fen, String currency) {

    public static final String CNY = "CNY";

    public Money {
        Require.present(currency, "currency");
        if (fen < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "amount", "an amount must not be negative");
        }
        if (!knownTwoDigitCurrency(currency)) {
            throw Rejection.invalid(DealCodes.INVALID_CURRENCY, "currency", "'" + currency
                    + "' is not an ISO 4217 currency with two minor digits, such as CNY");
        }
    }

    public static Money cny(long fen) {
        return new Money(fen, CNY);
    }

    /** The same amount as the rest of the market's money, which the ledger and the API speak. */
    public org.techmarket.shared.Money toShared() {
        return org.techmarket.shared.Money.of(fen, currency);
    }

    /** The same amount as a contract's money; refused when negative. */
    public static Money of(org.techmarket.shared.Money money) {
        return new Money(money.minor(), money.currency());
    }

    public boolean isZero() {
        return fen == 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(fen, other.fen), currency);
    }

    /** Refuses an amount in another currency; a contract never mixes currencies. */
    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw Rejection.invalid(SharedCodes.CURRENCY_MISMATCH, "currency", "amounts in " + currency + " and "
                    + other.currency + " cannot be combined");
        }
    }

    /** The amount with thousands separators and exactly two decimals, e.g. {@code 1,250,000.00}. */
    public String decimal() {
        return Amounts.grouped(fen);
    }

    /** The amount with its symbol, e.g. {@code ¥1,250,000.00} or {@code USD 1,250,000.00}. */
    public String withSymbol() {
        return CNY.equals(currency) ? "¥" + decimal() : currency + " " + decimal();
    }

    @Override
    public String toString() {
        return currency + " " + Amounts.plain(fen);
    }

    private static boolean knownTwoDigitCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() == 2;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
