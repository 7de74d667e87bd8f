package org.techmarket.deal.domain;

import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** What an offer proposes: the price, how it is paid and the scope of the grant; the schedule pays the price. */
public record OfferTerms(Money price, PaymentSchedule payment, Scope scope) {

    public OfferTerms {
        Require.present(price, "price");
        Require.present(payment, "payment");
        Require.present(scope, "scope");
        if (price.isZero() && payment.kind() != PaymentSchedule.Kind.RUNNING_ROYALTY) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "price", "the price must be more than zero");
        }
        payment.requireConsistentWith(price);
    }
}
