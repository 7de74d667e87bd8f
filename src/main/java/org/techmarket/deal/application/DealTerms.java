package org.techmarket.deal.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.domain.Scope;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;

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

    static Contract contract(Deal deal) {
        return contract(deal, Optional.empty());
    }

    /** The contract, paid by {@code schedule} when the deal has one and in one sum otherwise. */
    static Contract contract(Deal deal, Optional<? extends PaymentSchedule> schedule) {
        Money price = deal.price();
        PaymentSchedule payment = schedule.<PaymentSchedule>map(r -> r)
                .orElseGet(() -> new PaymentSchedule.LumpSum(price, deal.paymentDue()));
        return new Contract(deal.contractType(), deal.transferSubject(), deal.licenceKind(), deal.seller(),
                deal.buyer(), deal.assets(), scope(deal), price, payment, deal.deliveryObligations(),
                deal.acceptanceDays());
    }

    static GrantScope grantScope(Deal deal) {
        return new GrantScope(deal.scopeFields(), deal.scopeTerritories(), deal.scopeStart(),
                deal.scopeEnd().orElse(null));
    }

    /** The registry's form of a contract's scope: unrestricted becomes {@code *} and WORLD, the end exclusive. */
    static GrantScope grantScope(Scope scope) {
        return new GrantScope(scope.fields().isEmpty() ? List.of(ALL_FIELDS) : scope.fields(),
                scope.territories().isEmpty() ? List.of(WORLD) : scope.territories(), scope.start(),
                scope.end().map(last -> last.plusDays(1)).orElse(null));
    }

    /** The contract's form of the registry's scope, starting no earlier than {@code today}. */
    static Scope contractScope(GrantScope scope, LocalDate today) {
        LocalDate start = scope.start() == null || scope.start().isBefore(today) ? today : scope.start();
        return scope(scope.fields(), scope.territories(), start, Optional.ofNullable(scope.end()));
    }

    private static Scope scope(Deal deal) {
        return scope(deal.scopeFields(), deal.scopeTerritories(), deal.scopeStart(), deal.scopeEnd());
    }

    private static Scope scope(List<String> grantFields, List<String> grantTerritories, LocalDate start,
            Optional<LocalDate> exclusiveEnd) {
        List<String> fields = grantFields.stream().filter(f -> !ALL_FIELDS.equals(f)).toList();
        List<String> territories = grantTerritories.stream().filter(t -> !WORLD.equals(t)).toList();
        Optional<LocalDate> lastDay = exclusiveEnd.map(end -> end.minusDays(1)).filter(last -> !last.isBefore(start));
        return new Scope(fields, territories, start, lastDay);
    }
}
