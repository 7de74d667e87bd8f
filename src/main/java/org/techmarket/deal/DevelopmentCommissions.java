package org.techmarket.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The work commissioned: who develops for whom, the price, its instalments and the work to deliver. A
     * {@code reserveHoldId} names a hold of the client's that already reserves the price (a challenge's reward): the
     * deal's escrow is funded and every instalment paid from it, and what it still has when the deal ends goes back to
     * the client. Without one the client pays from its available funds.
     */
    record Commission(
            String cause,
            String developerId,
            String clientId,
            Money price,
            List<Instalment> instalments,
            String deliveryObligations,
            Optional<String> reserveHoldId) {

        public Commission {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reserveHoldId, "reserveHoldId");
            instalments = List.copyOf(instalments);
        }
    }

    /** One part of the price and the day it falls due. */
    record Instalment(Money amount, LocalDate dueDate) {}
}
