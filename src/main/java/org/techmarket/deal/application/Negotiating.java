package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetSummary;
import org.techmarket.asset.Assets;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.OfferReceived;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.Offer;
import org.techmarket.deal.domain.OfferAccepted;
import org.techmarket.deal.domain.OfferTerms;
import org.techmarket.deal.persistence.Offers;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.ListingSummary;
import org.techmarket.listing.Negotiations;
import org.techmarket.participant.Brokerage;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerms;
import org.techmarket.rights.RightsCheck;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Offers on listings sold by NEGOTIATION. A verified buyer that owns none of the assets opens a thread with an
 * offer; whoever an open offer is made to accepts, declines or counters it. Each step locks the offer's row and is
 * audited in its transaction. An acceptance concludes the listing through {@link Negotiations}, which locks the
 * listing's row, so of two acceptances on one listing the second finds it AWARDED and changes nothing; the first
 * publishes {@link OfferAccepted} with the agreed terms and the award, from which {@link DealOpening} opens the deal.
 * Offers past their deadline are refused at once and marked EXPIRED by {@link OfferExpiry}; reads show them EXPIRED
 * from the deadline on.
 */
@Service
public class Negotiating {

    private static final String OFFER_MADE = "OfferMade";

    private final Offers offers;
    private final Negotiations negotiations;
    private final ListingCatalog catalog;
    private final Participants participants;
    private final AuditLog audit;
    private final RightsRegistry rights;
    private final Assets assets;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Brokerage brokerage;

    Negotiating(
            Offers offers,
            Negotiations negotiations,
            ListingCatalog catalog,
            Participants participants,
            AuditLog audit,
            IdGenerator ids,
            Clock clock,
            RightsRegistry rights,
            Assets assets,
            ApplicationEventPublisher events,
            Brokerage brokerage) {
        this.brokerage = brokerage;
        this.events = events;
        this.assets = assets;
        this.rights = rights;
        this.offers = offers;
        this.negotiations = negotiations;
        this.catalog = catalog;
        this.participants = participants;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The buyer's first offer. {@code terms} builds the terms from the request, given the scope to assume when the
     * request names none: the listing's own scope for a licence (from today at the earliest), the whole right for
     * an assignment.
     */
    @Transactional
    public Offer make(Actor actor, String listingId, Function<GrantScope, OfferTerms> terms, Instant deadline) {
        String buyer = permitted(actor, MarketAction.MAKE_OFFER);
        Instant now = now();
        Negotiations.OpenNegotiation listing = negotiations.openTo(listingId, buyer);
        brokerage.actOnListing(actor, MarketAction.MAKE_OFFER, listingId, listing.assetIds());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        OfferTerms proposed = terms.apply(
                listing.offeredKind() == GrantKind.ASSIGNMENT
                        ? GrantScope.unrestricted(today, null)
                        : listing.licenceScope().orElseThrow().startingNoEarlierThan(today));
        requireFits(listing, buyer, proposed, deadline);
        Offer offer = Offer.open(ids.newId(), listingId, buyer, listing.sellerId(), proposed, now, deadline);
        offers.add(offer, now);
        record(actor, OFFER_MADE, offer);
        return offer;
    }

    /** A counter to an open offer; a request that names no scope keeps the countered offer's. */
    @Transactional
    public Offer.Countered counter(
            Actor actor, String offerId, Function<GrantScope, OfferTerms> terms, Instant deadline) {
        Offer offer = lockedForParty(actor, offerId);
        String by = permitted(actor, MarketAction.COUNTER_OFFER);
        requireAgentMay(actor, MarketAction.COUNTER_OFFER, offer.listingId());
        Instant now = now();
        OfferTerms proposed = terms.apply(offer.terms().scope());
        Offer.Countered countered = offer.counter(ids.newId(), by, proposed, now, deadline);
        requireFits(negotiations.openTo(offer.listingId(), offer.buyerId()), offer.buyerId(), proposed, deadline);
        offers.update(countered.previous(), now);
        offers.add(countered.counter(), now);
        record(actor, "OfferCountered", countered.previous());
        record(actor, OFFER_MADE, countered.counter());
        return countered;
    }

    /**
     * The answering side accepts the offer: the listing is awarded to the buyer at the offer's price in this
     * transaction, and {@link OfferAccepted} carries the agreed terms and the award to the deal's opening.
     */
    @Transactional
    public Offer accept(Actor actor, String offerId) {
        Offer offer = lockedForParty(actor, offerId);
        String by = permitted(actor, MarketAction.ACCEPT_OFFER);
        requireAgentMay(actor, MarketAction.ACCEPT_OFFER, offer.listingId());
        requireCounterpartyTrades(by.equals(offer.buyerId()) ? offer.sellerId() : offer.buyerId());
        Instant now = now();
        Offer accepted = offer.accept(by, now);
        ListingAwarded award = negotiations.conclude(
                offer.listingId(),
                offer.buyerId(),
                offer.terms().price(),
                Optional.of(offer.terms().scope()));
        offers.update(accepted, now);
        record(actor, AuditLog.typeOf(OfferAccepted.class), accepted);
        events.publishEvent(acceptance(accepted, award));
        return accepted;
    }

    /** The acceptance as the deal opens from it: the offer's payment, the award's scope, deposit and instant. */
    private static OfferAccepted acceptance(Offer accepted, ListingAwarded award) {
        return new OfferAccepted(
                accepted.id(),
                award.listingId(),
                award.venueId(),
                award.sellerId(),
                award.buyerId(),
                award.assetIds(),
                award.offeredKind(),
                award.licenceScope(),
                award.price(),
                accepted.terms().payment().kind(),
                OfferAccepted.partsOf(accepted.terms().payment()),
                award.depositHoldId(),
                award.awardedAt());
    }

    /** The author takes back an offer nobody has answered yet. */
    @Transactional
    public Offer withdraw(Actor actor, String offerId) {
        return close(actor, offerId, MarketAction.WITHDRAW_OFFER, Offer::withdraw, "OfferWithdrawn");
    }

    @Transactional
    public Offer decline(Actor actor, String offerId) {
        return close(actor, offerId, MarketAction.DECLINE_OFFER, Offer::decline, "OfferDeclined");
    }

    /** One step that ends an offer without a deal: the offer's row locked, the step taken, stored and audited. */
    private Offer close(Actor actor, String offerId, MarketAction action, OfferStep step, String event) {
        Offer offer = lockedForParty(actor, offerId);
        String by = permitted(actor, action);
        requireAgentMay(actor, action, offer.listingId());
        Instant now = now();
        Offer closed = step.take(offer, by, now);
        offers.update(closed, now);
        record(actor, event, closed);
        return closed;
    }

    /** A step on an offer taken by an organization at an instant, such as {@link Offer#decline}. */
    @FunctionalInterface
    private interface OfferStep {
        Offer take(Offer offer, String byOrganization, Instant now);
    }

    /** An offer its buyer, its seller or a market supervisor may read, as it stands now. */
    @Transactional(readOnly = true)
    public Offer get(Actor actor, String offerId) {
        Offer offer = offers.find(offerId).orElseThrow(() -> Rejection.notFound("Offer", offerId));
        if (!mayRead(actor, offer)) {
            throw Rejection.notFound("Offer", offerId).hidingExisting();
        }
        return asOfNow(offer);
    }

    /** Every offer on the listing for its seller (and supervisors); a buyer's own thread for anyone else. */
    @Transactional(readOnly = true)
    public List<Offer> ofListing(Actor actor, String listingId) {
        ListingSummary listing = catalog.find(listingId).orElseThrow(() -> Rejection.notFound("Listing", listingId));
        if (actor.seesWholeMarket() || actor.belongsTo(listing.sellerId())) {
            return offers.ofListing(listingId, Optional.empty()).stream()
                    .map(this::asOfNow)
                    .toList();
        }
        String buyer = actor.organizationId().orElseThrow(() -> Rejection.notFound("Listing", listingId));
        return offers.ofListing(listingId, Optional.of(buyer)).stream()
                .map(this::asOfNow)
                .toList();
    }

    /** Marks the offer EXPIRED if it is OPEN, its deadline has come and nobody else holds it; else empty. */
    @Transactional
    public Optional<Offer> expireIfDue(String offerId, Instant asOf) {
        return offers.claimDue(offerId, asOf).flatMap(o -> o.expireIfDue(asOf)).map(expired -> {
            offers.update(expired, asOf);
            record(Actor.SYSTEM, "OfferExpired", expired);
            return expired;
        });
    }

    /**
     * Closes the OPEN offers of a listing that has ended, EXPIRED with a reason saying how it ended: concluded with
     * another buyer, cancelled (after an assignment, for one), withdrawn or unsold. Offers already answered are left
     * as they are, so a repeated call changes nothing; returns the offers it closed.
     */
    @Transactional
    public List<Offer> lapseOffersOf(ListingEnded ended) {
        String reason = lapseReason(ended);
        Instant now = now();
        List<Offer> lapsed = new ArrayList<>();
        for (Offer offer : offers.lockOpenOn(ended.listingId())) {
            offer.lapse(reason).ifPresent(closed -> {
                offers.update(closed, now);
                record(Actor.SYSTEM, "OfferExpired", closed);
                lapsed.add(closed);
            });
        }
        return lapsed;
    }

    private static String lapseReason(ListingEnded ended) {
        String listing = "Listing " + ended.listingId();
        return switch (ended.status()) {
            case "AWARDED" -> listing + " was concluded with another offer";
            case "UNSOLD" -> listing + " ended unsold";
            case "WITHDRAWN" -> listing + " was withdrawn by its seller";
            default ->
                listing + " was " + ended.status().toLowerCase(Locale.ROOT)
                        + ended.reason().map(r -> ": " + r).orElse("");
        };
    }

    private Offer asOfNow(Offer offer) {
        return offer.expireIfDue(now()).orElse(offer);
    }

    private static boolean mayRead(Actor actor, Offer offer) {
        return actor.seesWholeMarket() || actor.belongsTo(offer.buyerId()) || actor.belongsTo(offer.sellerId());
    }

    /** The offer locked, if the actor is its buyer or seller; anyone else is told it does not exist. */
    private Offer lockedForParty(Actor actor, String offerId) {
        Offer offer = offers.lock(offerId).orElseThrow(() -> Rejection.notFound("Offer", offerId));
        if (!actor.belongsTo(offer.buyerId()) && !actor.belongsTo(offer.sellerId())) {
            throw Rejection.notFound("Offer", offerId).hidingExisting();
        }
        return offer;
    }

    private String permitted(Actor actor, MarketAction action) {
        return participants.permitted(actor, action).id();
    }

    /** A broker acting for a party answers offers only on listings its mandate covers, for one client each. */
    private void requireAgentMay(Actor actor, MarketAction action, String listingId) {
        if (actor.agency().isPresent()) {
            List<String> assetIds =
                    catalog.find(listingId).map(ListingSummary::assetIds).orElse(List.of());
            brokerage.actOnListing(actor, action, listingId, assetIds);
        }
    }

    /** Accepting binds the other side too: it must still be verified (not suspended since it made the offer). */
    private void requireCounterpartyTrades(String organizationId) {
        OrganizationSummary other = participants.requireOrganization(organizationId, "organizationId");
        if (!other.status().mayTrade()) {
            throw new Rejection(
                    Rejection.Kind.CONFLICT,
                    DealCodes.COUNTERPARTY_NOT_VERIFIED,
                    "Organization "
                            + other.id() + " is " + other.status() + "; an offer is concluded only between verified"
                            + " organizations");
        }
    }

    /**
     * The offer is in the listing's currency, its deadline comes no later than the listing's end, and what it asks
     * can be granted: an assignment is of the whole right (no fields, territories or end), and a licence's scope is
     * one the rights registry understands and can grant to the buyer on every asset now (409 RIGHTS_CONFLICT).
     */
    private void requireFits(Negotiations.OpenNegotiation listing, String buyer, OfferTerms terms, Instant deadline) {
        if (!terms.price().currency().equals(listing.askingPrice().currency())) {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "price",
                    "the listing is in " + listing.askingPrice().currency());
        }
        if (deadline.isAfter(listing.endsAt())) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_DEADLINE,
                    "deadline",
                    "the listing ends at " + listing.endsAt() + "; an offer cannot outlive it");
        }
        GrantScope asked = terms.scope();
        if (listing.offeredKind() == GrantKind.ASSIGNMENT) {
            if (!asked.coversAllFields() || !asked.coversWholeWorld() || asked.end() != null) {
                throw Rejection.invalid(
                        DealCodes.SCOPE_NOT_FOR_ASSIGNMENT,
                        "scope",
                        "the listing assigns the whole" + " right; an offer on it names no fields, territories or end");
            }
            return;
        }
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        LocalDate start = asked.start().isBefore(today) ? today : asked.start();
        List<AssetConflict> conflicts = new ArrayList<>();
        for (String assetId : listing.assetIds()) {
            // A licence "as long as the rights last" is checked up to the asset's expiry.
            LocalDate end = asked.end() != null
                    ? asked.end()
                    : assets.find(assetId)
                            .flatMap(AssetSummary::expiresOn)
                            .filter(start::isBefore)
                            .orElse(start.plusYears(50));
            GrantScope checked = new GrantScope(asked.fields(), asked.territories(), start, end);
            RightsCheck check = rights.check(
                    assetId,
                    Set.of(listing.sellerId()),
                    new GrantTerms(listing.offeredKind(), buyer, checked, false, false, Optional.empty()));
            conflicts.addAll(AssetConflict.on(assetId, check));
        }
        if (!conflicts.isEmpty()) {
            throw AssetConflict.rejection("The scope asked cannot be granted: ", "", conflicts);
        }
    }

    private void record(Actor actor, String event, Offer offer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("listingId", offer.listingId());
        offer.previousOfferId().ifPresent(p -> payload.put("previousOfferId", p));
        payload.put("round", offer.round());
        payload.put("buyerId", offer.buyerId());
        payload.put("madeBy", offer.madeBy());
        payload.put("price", offer.terms().price().toString());
        payload.put("payment", offer.terms().payment().kind().name());
        payload.put("deadline", offer.deadline().toString());
        payload.put("status", offer.status().name());
        offer.statusReason().ifPresent(r -> payload.put("reason", r));
        audit.record(actor.auditName(), event, "offer:" + offer.id(), payload);
        if (OFFER_MADE.equals(event)) {
            events.publishEvent(new OfferReceived(
                    offer.id(),
                    offer.listingId(),
                    offer.recipient(),
                    offer.madeBy(),
                    offer.round(),
                    offer.terms().price(),
                    offer.deadline(),
                    offer.madeAt()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
