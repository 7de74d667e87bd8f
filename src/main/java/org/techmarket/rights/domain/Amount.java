package org.techmarket.rights.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A positive sum of money in minor units (fen for CNY) and an ISO 4217 currency with two decimals. Kept in
 * the rights module until the shared kernel has its own money type.
 */
public record Amount(long minorUnits, String currency) {

    /** The market's currency when a request names none. */
    public static final String DEFAULT_CURRENCY = "CNY";

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");

    /** Enforces a positive amount in a known two-decimal currency; a violation is a bug, not user input. */
    public Amount {
        if (minorUnits <= 0) {
            throw new IllegalArgumentException("an amount is positive: " + minorUnits);
        }
        Objects.requireNonNull(currency, "currency");
        if (!isTwoDecimalCurrency(currency)) {
            throw new IllegalArgumentException("not an ISO 4217 currency with two decimals: " + currency);
        }
    }

    /**
     * Parses a decimal string such as {@code "1250.00"}: digits, at most two decimals, no sign or exponent,
     * above zero. A missing currency means CNY. Anything else is refused with {@code INVALID_AMOUNT} on
     * {@code field}.
     */
    public static Amount parse(String amount, String currency, String field) {
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw invalid(field + ".amount", "an amount is a decimal string with at most two decimals, e.g. \"1250.00\"");
        }
        long minor = new BigDecimal(amount).movePointRight(2).longValueExact();
        if (minor == 0) {
            throw invalid(field + ".amount", "an amount must be above zero");
        }
        String code = currency == null ? DEFAULT_CURRENCY : currency;
        if (!isTwoDecimalCurrency(code)) {
            throw invalid(field + ".currency", "'" + code + "' is not an ISO 4217 currency with two decimals");
        }
        return new Amount(minor, code);
    }

    /** The amount as a decimal string with two decimals, as the API writes it. */
    public String decimal() {
        return BigDecimal.valueOf(minorUnits, 2).toPlainString();
    }

    /** This amount {@code times} times over; {@code times} is at least one. */
    public Amount times(long times) {
        return new Amount(Math.multiplyExact(minorUnits, times), currency);
    }

    private static boolean isTwoDecimalCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() == 2;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static Rejection invalid(String field, String message) {
        return Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, message);
    }
}
