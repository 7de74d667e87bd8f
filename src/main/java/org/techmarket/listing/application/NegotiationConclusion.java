package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.Negotiations;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.persistence.Listing;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** Concludes a negotiated listing when its seller and a buyer have agreed: OPEN → CLOSED → AWARDED, once. */
@Service
class NegotiationConclusion implements Negotiations {

    private final Listings listings;
    private final ListingAccess access;
    private final ListingLifecycle lifecycle;
    private final OfferRights rights;
    private final Deposits deposits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ListingEndings endings;
    private final Clock clock;

    NegotiationConclusion(Listings listings, ListingAccess access, ListingLifecycle lifecycle, OfferRights rights,
            Deposits deposits, AuditLog audit, ApplicationEventPublisher events, ListingEndings endings, Clock clock) {
        this.endings = endings;
        this.listings = listings;
        this.access = access;
        this.lifecycle = lifecycle;
        this.rights = rights;
        this.deposits = deposits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OpenNegotiation openTo(String listingId, String buyerId) {
        Instant at = now();
        // Share-locked until the caller's commit: an offer made or countered now cannot slip in after the listing
        // ends, which would leave it open when the ending's offers are closed.
        Listing listing = listings.lockShared(listingId).filter(l -> !ListingAccess.PRIVATE.contains(l.status()))
                .orElseThrow(() -> Rejection.notFound("Listing", listingId));
        requireOpenNegotiation(listing, at);
        access.requireNotOwner(listing, buyerId);
        return new OpenNegotiation(listing.id(), listing.sellerId(),
                Money.of(listing.mechanism().startPrice().minor(), listing.currency()), listing.endsAt(),
                listing.assetIds(), listing.offerKind(), listing.licenceScope());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ListingAwarded conclude(String listingId, String buyerId, Money price, Optional<GrantScope> agreedScope) {
        Instant at = now();
        Listing listing = listings.lock(listingId).orElseThrow(() -> Rejection.notFound("Listing", listingId));
        requireOpenNegotiation(listing, at);
        if (listing.status() == ListingStatus.PUBLISHED) {
            listing = lifecycle.open(Actor.SYSTEM, listing);
        }
        if (!price.currency().equals(listing.currency())) {
            throw Rejection.invalid("CURRENCY_MISMATCH", "price", "the listing is in " + listing.currency());
        }
        access.requireNotOwner(listing, buyerId);
        // An assignment passes the whole right; only a licence's scope is negotiated.
        Optional<GrantScope> scope = listing.offerKind() == GrantKind.ASSIGNMENT ? listing.licenceScope()
                : agreedScope.or(listing::licenceScope);
        List<AssetConflict> conflicts = rights.conflictsFor(listing, buyerId, scope);
        if (!conflicts.isEmpty()) {
            throw OfferRights.rejection(conflicts);
        }
        deposits.join(Actor.SYSTEM, listing, buyerId, at);
        Optional<String> kept = deposits.settle(Actor.SYSTEM, listing, Optional.of(buyerId));
        Listing closed = listing.withStatus(listing.status().transitionTo(ListingStatus.CLOSED, true),
                Optional.empty(), at);
        Listing concluded = listings.update(closed.withOutcome(listing.state(), Optional.of(buyerId),
                OptionalLong.of(price.minor()), at)
                .withStatus(closed.status().transitionTo(ListingStatus.AWARDED, true), Optional.empty(), at));
        audit.record(Actor.SYSTEM.auditName(), "ListingAwarded", ListingLifecycle.subject(listing),
                Map.of("winnerId", buyerId, "price", price.toString(), "mechanism", MechanismType.NEGOTIATION.name()));
        ListingAwarded awarded = new ListingAwarded(listing.id(), listing.venueId(), listing.sellerId(), buyerId,
                listing.assetIds(), listing.offerKind(), scope, price, kept, Optional.empty(),
                MechanismType.NEGOTIATION.name(), at);
        events.publishEvent(awarded);
        endings.ended(concluded);
        return awarded;
    }

    /** A PUBLISHED listing whose start has come counts as open: the opening job may not have run yet. */
    private static void requireOpenNegotiation(Listing listing, Instant at) {
        if (listing.mechanism().type() != MechanismType.NEGOTIATION) {
            throw Rejection.conflict("NOT_A_NEGOTIATION", "The listing is sold by " + listing.mechanism().type()
                    + ", not by negotiation");
        }
        boolean started = listing.status() == ListingStatus.OPEN
                || (listing.status() == ListingStatus.PUBLISHED && !at.isBefore(listing.startsAt()));
        if (!started || !at.isBefore(listing.endsAt())) {
            throw Rejection.conflict("LISTING_NOT_OPEN", "The listing is " + listing.status()
                    + " and not open for negotiation");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
