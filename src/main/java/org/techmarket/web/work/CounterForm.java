package org.techmarket.web.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A counter-offer as typed in the workspace: the price, and what the API's counter-offer takes beyond it. How it is
 * paid: one sum on {@code dueDate} (30 days from today when blank), or {@code instalments} typed one a line as
 * "amount date" ({@code 50000.00 2027-03-31}). The scope: fields of use (IPC codes) and territories separated by commas or lines,
 * and the term's last day; each left blank keeps the countered offer's.
 */
record CounterForm(
        String price, String dueDate, String instalments, String fields, String territories, String scopeEnd) {

    private static final int DAYS_TO_PAY = 30;

    /** The counter's terms in {@code currency}, given the scope of the offer it answers. */
    OfferTerms terms(String currency, DateRules dates, GrantScope countered) {
        if (FormValues.text(price) == null) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "price", "a price is required");
        }
        Money amount = FormValues.money(price, "price");
        Money priced = Money.of(amount.minor(), currency).requirePositive("price");
        return new OfferTerms(priced, payment(priced, currency, dates), scope(countered));
    }

    private PaymentSchedule payment(Money priced, String currency, DateRules dates) {
        String lines = FormValues.text(instalments);
        if (lines == null) {
            LocalDate due = FormValues.date(dueDate, "dueDate");
            return new PaymentSchedule.LumpSum(
                    priced, due == null ? dates.today().plusDays(DAYS_TO_PAY) : dates.requireComing(due, "dueDate"));
        }
        List<PaymentSchedule.Instalment> parts = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split("\\s+");
            String field = "instalments[" + parts.size() + "]";
            if (words.length != 2) {
                throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, field, "each line is an amount and a date");
            }
            Money part = FormValues.money(words[0], field + ".amount");
            LocalDate due = dates.requireComing(FormValues.date(words[1], field + ".dueDate"), field + ".dueDate");
            parts.add(new PaymentSchedule.Instalment(
                    Money.of(part.minor(), currency).requirePositive(field + ".amount"), due));
        }
        return new PaymentSchedule.Instalments(parts);
    }

    private GrantScope scope(GrantScope countered) {
        List<String> named = list(fields);
        List<String> places = list(territories);
        LocalDate end = FormValues.date(scopeEnd, "scopeEnd");
        if (named.isEmpty() && places.isEmpty() && end == null) {
            return countered;
        }
        return OfferTerms.scope(
                named.isEmpty() ? countered.namedFields() : named,
                places.isEmpty() ? countered.namedTerritories() : places,
                countered.start(),
                end == null ? countered.lastDay() : Optional.of(end));
    }

    /** Entries separated by commas, semicolons or lines: a territory may have blanks in its name. */
    private static List<String> list(String value) {
        String text = FormValues.text(value);
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,;，；\\n]+"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
