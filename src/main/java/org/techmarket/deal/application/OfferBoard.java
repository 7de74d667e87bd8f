package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferStatus;
import org.techmarket.deal.persistence.Offers;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;

/**
 * An organization's negotiations at a glance: for each, its newest offer, the organization's own latest price and the
 * other side's, and what waits for the organization: an open offer from the other side may be accepted, countered or
 * declined, its own open offer withdrawn. Two statements for a page whatever its length (the offers, the listings'
 * titles).
 */
@Service
public class OfferBoard {

    /** What the organization may do with a negotiation's newest offer now. */
    public enum Answer {
        ACCEPT,
        COUNTER,
        DECLINE,
        WITHDRAW
    }

    /** One negotiation as the organization sees it; {@code status} is as of now (an offer past its deadline lapsed). */
    public record Negotiation(
            Offer latest,
            String listingTitle,
            boolean buying,
            Optional<Money> mine,
            Optional<Money> theirs,
            OfferStatus status,
            List<Answer> waiting) {

        /** Whether the other side's open offer waits for the organization's answer: accept, counter or decline. */
        public boolean answerable() {
            return waiting.contains(Answer.ACCEPT);
        }

        /** Whether the organization's own open offer may still be withdrawn. */
        public boolean withdrawable() {
            return waiting.contains(Answer.WITHDRAW);
        }
    }

    private final Offers offers;
    private final ListingCatalog catalog;
    private final Clock clock;

    OfferBoard(Offers offers, ListingCatalog catalog, Clock clock) {
        this.offers = offers;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The caller's organization's negotiations, as buyer or seller, newest first. */
    @Transactional(readOnly = true)
    public Page<Negotiation> of(Actor actor, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return negotiations(actor, offers.latestOf(actor.requireOrganization(), Cursor.decode(cursor), size), size);
    }

    /**
     * As {@link #of(Actor, String, Integer)}, read with the other queries of {@code batch}; the listings' titles are
     * read when the answer is first asked for.
     */
    public ReadsTogether.Later<Page<Negotiation>> of(
            Actor actor, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return offers.latestOf(actor.requireOrganization(), Cursor.decode(cursor), size, batch)
                .map(rows -> negotiations(actor, rows, size));
    }

    private Page<Negotiation> negotiations(Actor actor, List<Offers.Latest> rows, int size) {
        String party = actor.requireOrganization();
        Page<Offers.Latest> page = Page.of(rows, size, l -> l.offer().id());
        Map<String, String> titles = catalog.titles(
                page.items().stream().map(l -> l.offer().listingId()).toList());
        Instant now = clock.instant();
        return page.map(latest -> negotiation(party, latest, titles, now));
    }

    private static Negotiation negotiation(
            String party, Offers.Latest latest, Map<String, String> titles, Instant now) {
        Offer offer = latest.offer().expireIfDue(now).orElse(latest.offer());
        boolean madeByUs = offer.madeBy().equals(party);
        String currency = offer.terms().price().currency();
        Optional<Money> answered = latest.answeredPrice().map(minor -> Money.of(minor, currency));
        Optional<Money> mine = madeByUs ? Optional.of(offer.terms().price()) : answered;
        Optional<Money> theirs = madeByUs ? answered : Optional.of(offer.terms().price());
        List<Answer> waiting = offer.status() != OfferStatus.OPEN
                ? List.of()
                : madeByUs ? List.of(Answer.WITHDRAW) : List.of(Answer.ACCEPT, Answer.COUNTER, Answer.DECLINE);
        return new Negotiation(
                offer,
                titles.getOrDefault(offer.listingId(), offer.listingId()),
                offer.buyerId().equals(party),
                mine,
                theirs,
                offer.status(),
                waiting);
    }
}
