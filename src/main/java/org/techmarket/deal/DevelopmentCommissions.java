package org.techmarket.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * Development work another module commissions on a client's behalf, such as a challenge's winning proposal: the deal
 * opens in SIGNING between the developer (the seller) and the client (the buyer), paid in instalments, and from then
 * on is signed, funded, delivered and settled like any directly concluded contract. One cause opens one deal.
 */
public interface DevelopmentCommissions {

    /** Opens the commissioned deal (or finds the one its cause opened before) and returns its id. */
    String commission(Actor client, Commission commission);

    /** The work commissioned: who develops for whom, the price, its instalments and the work to deliver. */
    record Commission(
            String cause,
            String developerId,
            String clientId,
            Money price,
            List<Instalment> instalments,
            String deliveryObligations) {

        public Commission {
            Objects.requireNonNull(cause, "cause");
            instalments = List.copyOf(instalments);
        }
    }

    /** One part of the price and the day it falls due. */
    record Instalment(Money amount, LocalDate dueDate) {}
}
