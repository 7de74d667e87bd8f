package org.techmarket.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An amount in minor units (fen, cents) of one of the market's currencies, all of which have two decimals; never
 * a floating-point number. In JSON it reads {@code {"amount":"1250.00","currency":"CNY"}}: the amount is a decimal
 * string with at most two decimals, and a missing currency means CNY.
 */
public record Money(long minor, String currency) {

    public static final String DEFAULT_CURRENCY = "CNY";

    /** The currencies the market settles in; each has exactly two minor digits. */
    public static final Set<String> CURRENCIES = Set.of("CNY", "USD", "EUR", "HKD");

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d{0,14})(\\.\\d+)?");
    private static final int DECIMALS = 2;

    public Money {
        requireCurrency(currency, "currency");
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** Fen of Chinese yuan. */
    public static Money cny(long fen) {
        return new Money(fen, DEFAULT_CURRENCY);
    }

    /**
     * Reads a decimal string such as {@code "1250.5"} exactly; a refusal with code INVALID_AMOUNT names field
     * {@code amount} when it is not a plain decimal with at most two decimals and no leading zeros ({@code "0.50"} is
     * fine, {@code "00100.00"} is not), UNKNOWN_CURRENCY field {@code currency}.
     */
    public static Money parse(String amount, String currency) {
        String code = currency == null ? DEFAULT_CURRENCY : currency;
        requireCurrency(code, "currency");
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw invalidAmount("amount must be a decimal string such as \"1250.00\", without leading zeros");
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > DECIMALS) {
            throw invalidAmount("amount has more than " + DECIMALS + " decimals");
        }
        return new Money(value.movePointRight(DECIMALS).longValueExact(), code);
    }

    /** The currency code if the market settles in it, else a refusal UNKNOWN_CURRENCY naming {@code field}. */
    public static String requireCurrency(String currency, String field) {
        if (currency == null || !CURRENCIES.contains(currency)) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.UNKNOWN_CURRENCY,
                    "Unknown currency " + currency + "; the market settles in " + new TreeSet<>(CURRENCIES),
                    List.of(new Rejection.FieldError(field, "is not a currency the market settles in")),
                    Map.of());
        }
        return currency;
    }

    /** This amount if it is above zero, else a refusal INVALID_AMOUNT naming {@code field}. */
    public Money requirePositive(String field) {
        if (minor <= 0) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, field + " must be more than zero");
        }
        return this;
    }

    /** This amount if it is zero or more, else a refusal INVALID_AMOUNT naming {@code field}. */
    public Money requireNotNegative(String field) {
        if (minor < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, "an amount must not be negative");
        }
        return this;
    }

    /** Refuses {@code other} with CURRENCY_MISMATCH on field {@code currency} unless it is in this currency. */
    public Money requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "currency",
                    "amounts in " + currency + " and " + other.currency + " cannot be combined");
        }
        return other;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(minor, sameCurrency(other).minor), currency);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    /** This amount {@code times} times over. */
    public Money times(long times) {
        return new Money(Math.multiplyExact(minor, times), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /** The amount as a plain decimal string with two decimals, such as {@code "1250.00"} or {@code "-0.05"}. */
    public String decimal() {
        return BigDecimal.valueOf(minor, DECIMALS).toPlainString();
    }

    /** The amount with thousands separators and exactly two decimals, such as {@code "1,250,000.00"}. */
    public String grouped() {
        String units = Long.toString(Math.abs(minor / 100));
        StringBuilder out = new StringBuilder(minor < 0 ? "-" : "");
        int lead = units.length() % 3 == 0 ? 3 : units.length() % 3;
        out.append(units, 0, lead);
        for (int i = lead; i < units.length(); i += 3) {
            out.append(',').append(units, i, i + 3);
        }
        long cents = Math.abs(minor % 100);
        return out.append(cents < 10 ? ".0" : ".").append(cents).toString();
    }

    /** The grouped amount with its symbol, such as {@code "¥1,250,000.00"} or {@code "USD 1,250,000.00"}. */
    public String withSymbol() {
        return DEFAULT_CURRENCY.equals(currency) ? "¥" + grouped() : currency + " " + grouped();
    }

    @Override
    public String toString() {
        return decimal() + " " + currency;
    }

    @JsonValue
    Json json() {
        return new Json(decimal(), currency);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Money fromJson(Json json) {
        // A JSON number may already have passed through a double; only a string carries the exact decimal.
        if (!(json.amount() instanceof String amount)) {
            throw invalidAmount("amount must be a decimal string such as \"1250.00\", not a JSON number");
        }
        return parse(amount, json.currency());
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    SharedCodes.CURRENCY_MISMATCH,
                    "Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    private static Rejection invalidAmount(String message) {
        return Rejection.invalid(SharedCodes.INVALID_AMOUNT, "amount", message);
    }

    /** The JSON form: a decimal string (read as any JSON value, so that numbers are refused) and a currency code. */
    record Json(Object amount, String currency) {}
}
