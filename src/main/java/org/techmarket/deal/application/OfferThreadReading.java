package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.OfferThreads;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.listing.Negotiations;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Money;

/** The sale page's view of a negotiation, over {@link Negotiating}: the page offers what the API offers. */
@Service
class OfferThreadReading implements OfferThreads {

    private static final int DAYS_TO_PAY = 30;

    private final Negotiating negotiating;
    private final Negotiations negotiations;
    private final DateRules dates;
    private final Clock clock;

    OfferThreadReading(Negotiating negotiating, Negotiations negotiations, DateRules dates, Clock clock) {
        this.negotiating = negotiating;
        this.negotiations = negotiations;
        this.dates = dates;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Step> thread(Actor viewer, String listingId) {
        if (viewer.organizationId().isEmpty() && !viewer.seesWholeMarket()) {
            return List.of();
        }
        return negotiating.ofListing(viewer, listingId).stream()
                .map(o -> step(viewer, o))
                .toList();
    }

    @Override
    @Transactional
    public Step offer(Actor buyer, String listingId, Money price, Instant deadline) {
        Offer made = negotiating.make(buyer, listingId, scope -> lumpSum(price, scope), deadline);
        return step(buyer, made);
    }

    @Override
    @Transactional
    public Step counter(Actor party, String offerId, Money price, Duration openFor) {
        return counter(party, offerId, scope -> lumpSum(price, scope), openFor);
    }

    @Override
    @Transactional
    public Step counter(Actor party, String offerId, Function<GrantScope, OfferTerms> terms, Duration openFor) {
        Offer answered = negotiating.get(party, offerId);
        Instant ends =
                negotiations.openTo(answered.listingId(), answered.buyerId()).endsAt();
        Instant asked = clock.instant().plus(openFor);
        Instant deadline = asked.isAfter(ends) ? ends : asked;
        Offer counter = negotiating.counter(party, offerId, terms, deadline).counter();
        return step(party, counter);
    }

    private OfferTerms lumpSum(Money price, GrantScope scope) {
        return new OfferTerms(
                price.requirePositive("price"),
                new PaymentSchedule.LumpSum(price, dates.today().plusDays(DAYS_TO_PAY)),
                scope);
    }

    private static Step step(Actor viewer, Offer offer) {
        return new Step(
                offer.id(),
                offer.round(),
                offer.madeBy().equals(offer.sellerId()),
                viewer.belongsTo(offer.madeBy()),
                offer.terms().price(),
                offer.madeAt(),
                offer.deadline(),
                offer.status().name());
    }
}
