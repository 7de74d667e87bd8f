package org.techmarket.deal.application;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.OfferThreads;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Money;

/** The sale page's view of a negotiation, over {@link Negotiating}: the page offers what the API offers. */
@Service
class OfferThreadReading implements OfferThreads {

    private static final int DAYS_TO_PAY = 30;

    private final Negotiating negotiating;
    private final DateRules dates;

    OfferThreadReading(Negotiating negotiating, DateRules dates) {
        this.negotiating = negotiating;
        this.dates = dates;
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
        Offer made = negotiating.make(
                buyer,
                listingId,
                scope -> new OfferTerms(
                        price.requirePositive("price"),
                        new PaymentSchedule.LumpSum(price, dates.today().plusDays(DAYS_TO_PAY)),
                        scope),
                deadline);
        return step(buyer, made);
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
