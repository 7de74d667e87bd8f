package org.techmarket.deal.application;

import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.Money;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.domain.Scope;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.rights.GrantScope;

/**
 * Translates between the rights registry's scope (fields {@code *}, territory {@code WORLD}, a term whose end is
 * exclusive) and the contract's (empty means unrestricted, the last day is inclusive), and rebuilds a stored deal's
 * contract.
 */
final class DealTerms {

    static final String ALL_FIELDS = "*";
    static final String WORLD = "WORLD";

    private DealTerms() {
    }

    static Contract contract(DealRow deal) {
        return contract(deal, Optional.empty());
    }

    /** The contract, paid by {@code royalty} when the deal has one and in one sum otherwise. */
    static Contract contract(DealRow deal, Optional<PaymentSchedule.RunningRoyalty> royalty) {
        Money price = new Money(deal.price().minor(), deal.price().currency());
        PaymentSchedule payment = royalty.<PaymentSchedule>map(r -> r)
                .orElseGet(() -> new PaymentSchedule.LumpSum(price, deal.paymentDue()));
        return new Contract(deal.contractType(), deal.transferSubject(), deal.licenceKind(), deal.seller(),
                deal.buyer(), deal.assets(), scope(deal), price, payment, deal.deliveryObligations(),
                deal.acceptanceDays());
    }

    static GrantScope grantScope(DealRow deal) {
        return new GrantScope(deal.scopeFields(), deal.scopeTerritories(), deal.scopeStart(),
                deal.scopeEnd().orElse(null));
    }

    private static Scope scope(DealRow deal) {
        List<String> fields = deal.scopeFields().stream().filter(f -> !ALL_FIELDS.equals(f)).toList();
        List<String> territories = deal.scopeTerritories().stream().filter(t -> !WORLD.equals(t)).toList();
        Optional<java.time.LocalDate> lastDay = deal.scopeEnd().map(end -> end.minusDays(1))
                .filter(last -> !last.isBefore(deal.scopeStart()));
        return new Scope(fields, territories, deal.scopeStart(), lastDay);
    }
}
