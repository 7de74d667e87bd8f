package org.techmarket.deal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * The negotiation on one listing as its sale page shows it: the offers and counter-offers between the seller and a
 * buyer, and a buyer's offer. Same rules and refusals as {@code POST /api/v1/listings/{id}/offers}.
 */
public interface OfferThreads {

    /** One offer or counter-offer; {@code fromSeller} when the seller made it (a counter). */
    record Step(
            String offerId,
            int round,
            boolean fromSeller,
            boolean mine,
            Money price,
            Instant madeAt,
            Instant deadline,
            String status) {}

    /**
     * The viewer's own thread when it is a buyer, every buyer's when it is the seller or a supervisor, oldest first;
     * empty for anyone else. Two statements whatever the number of offers.
     */
    List<Step> thread(Actor viewer, String listingId);

    /** The buyer's offer of {@code price}, paid in one sum due in 30 days, open until {@code deadline}. */
    Step offer(Actor buyer, String listingId, Money price, Instant deadline);

    /**
     * The party's counter of {@code price} to the other side's open offer, paid in one sum due in 30 days and open for
     * {@code openFor}, never past the listing's end. Same rules and refusals as {@code POST /api/v1/offers/{id}/counter}.
     */
    Step counter(Actor party, String offerId, Money price, Duration openFor);

    /**
     * The party's counter on terms of its own, worked out from the countered offer's scope (the price, how it is paid
     * and the scope, as {@code POST /api/v1/offers/{id}/counter} takes them), open for {@code openFor}, never past the
     * listing's end. Same rules and refusals as that endpoint.
     */
    Step counter(Actor party, String offerId, Function<GrantScope, OfferTerms> terms, Duration openFor);
}
