package org.techmarket.rights.web;

import org.techmarket.rights.domain.Amount;

/** Money as the API writes it: {@code {"amount":"1250.00","currency":"CNY"}}. */
record MoneyJson(String amount, String currency) {

    static MoneyJson of(Amount amount) {
        return new MoneyJson(amount.decimal(), amount.currency());
    }

    /** Parses this as a positive amount; {@code field} names it in any refusal. */
    Amount parse(String field) {
        return Amount.parse(amount, currency, field);
    }
}
