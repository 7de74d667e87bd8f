package org.techmarket.deal.application;

import java.util.Optional;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.shared.Money;

/** Rebuilds a stored deal's contract. */
final class DealTerms {

    private DealTerms() {}

    static Contract contract(Deal deal) {
        return contract(deal, Optional.empty());
    }

    /** The contract, paid by {@code schedule} when the deal has one and in one sum otherwise. */
    static Contract contract(Deal deal, Optional<? extends PaymentSchedule> schedule) {
        Money price = deal.price();
        PaymentSchedule payment = schedule.<PaymentSchedule>map(r -> r)
                .orElseGet(() -> new PaymentSchedule.LumpSum(price, deal.paymentDue()));
        return new Contract(
                deal.contractType(),
                deal.transferSubject(),
                deal.licenceKind(),
                deal.seller(),
                deal.buyer(),
                deal.assets(),
                deal.scope(),
                price,
                payment,
                deal.deliveryObligations(),
                deal.acceptanceDays());
    }
}
