package org.techmarket.deal.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

/**
 * An offer's terms as stored: plain fields, so the JSON does not depend on the domain's class layout. The scope is
 * stored as the parties word it: no fields or territories for unrestricted, and the last day of the term.
 */
record StoredTerms(
        long priceMinor,
        String currency,
        String paymentKind,
        List<Part> parts,
        List<String> fields,
        List<String> territories,
        LocalDate start,
        LocalDate end) {

    /** One payment: the lump sum or one instalment. */
    record Part(long amountMinor, LocalDate dueDate) {}

    static StoredTerms of(OfferTerms terms) {
        List<Part> parts;
        if (terms.payment() instanceof PaymentSchedule.LumpSum lump) {
            parts = List.of(new Part(lump.amount().minor(), lump.dueDate()));
        } else if (terms.payment() instanceof PaymentSchedule.Instalments list) {
            parts = list.instalments().stream()
                    .map(i -> new Part(i.amount().minor(), i.dueDate()))
                    .toList();
        } else {
            throw new IllegalArgumentException("offers are paid in a lump sum or in instalments");
        }
        GrantScope scope = terms.scope();
        return new StoredTerms(
                terms.price().minor(),
                terms.price().currency(),
                terms.payment().kind().name(),
                parts,
                scope.namedFields(),
                scope.namedTerritories(),
                scope.start(),
                scope.lastDay().orElse(null));
    }

    OfferTerms toTerms() {
        PaymentSchedule payment = PaymentSchedule.Kind.valueOf(paymentKind) == PaymentSchedule.Kind.LUMP_SUM
                ? new PaymentSchedule.LumpSum(
                        money(parts.get(0).amountMinor()), parts.get(0).dueDate())
                : new PaymentSchedule.Instalments(parts.stream()
                        .map(p -> new PaymentSchedule.Instalment(money(p.amountMinor()), p.dueDate()))
                        .toList());
        return new OfferTerms(
                money(priceMinor), payment, OfferTerms.scope(fields, territories, start, Optional.ofNullable(end)));
    }

    private Money money(long minor) {
        return new Money(minor, currency);
    }
}
