package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.Negotiations;
import org.techmarket.listing.domain.Listing;
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
    private final OfferRights rights;
    private final Deposits deposits;
    private final Awarding awarding;
    private final Clock clock;

    NegotiationConclusion(
            Listings listings,
            ListingAccess access,
            OfferRights rights,
            Deposits deposits,
            Awarding awarding,
            Clock clock) {
        this.listings = listings;
        this.access = access;
        this.rights = rights;
        this.deposits = deposits;
        this.awarding = awarding;
        this.clock = clock;
    }

    @Override
    @Transactional
    public OpenNegotiation openTo(String listingId, String buyerId) {
        Instant at = now();
        // Share-locked until the caller's commit: an offer made or countered now cannot slip in after the listing
        // ends, which would leave it open when the ending's offers are closed.
        Listing listing = listings.lockShared(listingId)
                .filter(l -> !ListingAccess.PRIVATE.contains(l.status()))
                .orElseThrow(() -> Rejection.notFound("Listing", listingId));
        listing.requireOpenToOffers(at);
        access.requireNotOwner(listing, buyerId);
        return new OpenNegotiation(
                listing.id(),
                listing.sellerId(),
                Money.of(listing.mechanism().startPrice().minor(), listing.currency()),
                listing.endsAt(),
                listing.assetIds(),
                listing.offerKind(),
                listing.licenceScope());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public ListingAwarded conclude(String listingId, String buyerId, Money price, Optional<GrantScope> agreedScope) {
        Instant at = now();
        Listing listing = listings.lock(listingId).orElseThrow(() -> Rejection.notFound("Listing", listingId));
        Listing.Change concluded = listing.concludeNegotiation(price, at);
        access.requireNotOwner(listing, buyerId);
        // An assignment passes the whole right; only a licence's scope is negotiated.
        Optional<GrantScope> scope = listing.offerKind() == GrantKind.ASSIGNMENT
                ? listing.licenceScope()
                : agreedScope.or(listing::licenceScope);
        List<AssetConflict> conflicts = rights.conflictsFor(listing, buyerId, scope);
        if (!conflicts.isEmpty()) {
            throw OfferRights.rejection(conflicts);
        }
        deposits.join(Actor.SYSTEM, listing, buyerId, at);
        return awarding.award(concluded, buyerId, price.minor(), scope, Optional.empty(), at)
                .event();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
