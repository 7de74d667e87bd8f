package org.techmarket.rights.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Money as the API writes it: {@code {"amount":"1250.00","currency":"CNY"}}. */
record MoneyJson(String amount, String currency) {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,16}(\\.\\d{1,2})?");

    static MoneyJson of(Money money) {
        return new MoneyJson(money.decimal(), money.currency());
    }

    /**
     * Parses this as a positive amount: digits, at most two decimals, no sign or exponent; a missing currency means
     * CNY. Anything else is refused with {@code INVALID_AMOUNT} on {@code field.amount} or {@code field.currency}.
     */
    Money parse(String field) {
        if (amount == null || !DECIMAL.matcher(amount).matches()) {
            throw invalid(
                    field + ".amount", "an amount is a decimal string with at most two decimals, e.g. \"1250.00\"");
        }
        long minor = new BigDecimal(amount).movePointRight(2).longValueExact();
        if (minor == 0) {
            throw invalid(field + ".amount", "an amount must be above zero");
        }
        String code = currency == null ? Money.DEFAULT_CURRENCY : currency;
        if (!Money.CURRENCIES.contains(code)) {
            throw invalid(field + ".currency", "'" + code + "' is not a currency the market settles in");
        }
        return Money.of(minor, code);
    }

    private static Rejection invalid(String field, String message) {
        return Rejection.invalid(SharedCodes.INVALID_AMOUNT, field, message);
    }
}
