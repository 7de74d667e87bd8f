package org.techmarket.listing.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.SealedBid;
import org.techmarket.listing.domain.SealedState;
import org.techmarket.listing.persistence.Bids;
import org.techmarket.participant.Participants;
import org.techmarket.rights.AssetConflict;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * The award sequence, with the listing locked and CLOSED: the winner's deposit stays held for the deal and every
 * other is released, the listing is AWARDED and the award is published as {@link ListingAwarded} in the same
 * transaction. A sale the engine ended is awarded only when there is a winner, the seller and the winner are still
 * verified and the rights can still be granted to the winner; else it goes UNSOLD with the reason and every deposit
 * is released.
 */
@Component
class Awarding {

    private final Bids bids;
    private final Deposits deposits;
    private final OfferRights rights;
    private final ListingChanges changes;
    private final Participants participants;

    Awarding(Bids bids, Deposits deposits, OfferRights rights, ListingChanges changes, Participants participants) {
        this.bids = bids;
        this.deposits = deposits;
        this.rights = rights;
        this.changes = changes;
        this.participants = participants;
    }

    /** Settles the sale the engine ended; {@code closed} is the step that closed the listing. */
    Listing settle(Listing.Change closed, Instant at) {
        Listing listing = closed.listing();
        Outcome outcome = listing.outcome().orElseThrow();
        if (outcome instanceof Outcome.Unsold unsold) {
            return unsold(closed, unsold.reason().name(), Map.of(), at);
        }
        if (!mayTrade(listing.sellerId())) {
            return unsold(closed, UnsoldReason.SELLER_SUSPENDED.name(), Map.of("sellerId", listing.sellerId()), at);
        }
        Outcome.Award award = (Outcome.Award) outcome;
        if (!mayTrade(award.winnerId())) {
            return unsold(closed, UnsoldReason.WINNER_NOT_VERIFIED.name(), Map.of("winnerId", award.winnerId()), at);
        }
        List<AssetConflict> conflicts = rights.conflictsFor(listing, award.winnerId());
        if (!conflicts.isEmpty()) {
            return unsold(
                    closed,
                    UnsoldReason.RIGHTS_CONFLICT.name(),
                    Map.of("conflicts", AssetConflict.views(conflicts)),
                    at);
        }
        return award(
                        closed,
                        award.winnerId(),
                        award.price(),
                        listing.licenceScope(),
                        runnerUp(listing, award.winnerId()),
                        at)
                .listing();
    }

    /**
     * Awards the CLOSED listing to {@code winnerId} at {@code price} fen, a licence within {@code scope}: the one
     * way a listing is awarded, whatever its mechanism. Returns the award as published.
     */
    Awarded award(
            Listing.Change closed,
            String winnerId,
            long price,
            Optional<GrantScope> scope,
            Optional<ListingAwarded.RunnerUp> runnerUp,
            Instant at) {
        Listing listing = closed.listing();
        Optional<String> kept = deposits.settle(Actor.SYSTEM, listing, Optional.of(winnerId));
        ListingAwarded awarded = new ListingAwarded(
                listing.id(),
                listing.venueId(),
                listing.sellerId(),
                winnerId,
                listing.assetIds(),
                listing.offerKind(),
                scope,
                Money.of(price, listing.currency()),
                kept,
                runnerUp,
                listing.mechanism().type().name(),
                at);
        Listing stored =
                changes.store(Actor.SYSTEM, closed.then(l -> l.award(winnerId, price, at)), Optional.of(awarded));
        return new Awarded(stored, awarded);
    }

    /** The listing as stored after its award, and the award as published. */
    record Awarded(Listing listing, ListingAwarded event) {}

    private Listing unsold(Listing.Change closed, String reason, Map<String, Object> details, Instant at) {
        deposits.settle(Actor.SYSTEM, closed.listing(), Optional.empty());
        return changes.store(Actor.SYSTEM, closed.then(l -> l.goUnsold(reason, details, at)));
    }

    /**
     * The best losing bidder and the most they offered: an English runner-up's proxy bid up to their maximum before
     * being outbid; a sealed runner-up offered their sealed bid. A Dutch or fixed-price sale has none.
     */
    private Optional<ListingAwarded.RunnerUp> runnerUp(Listing listing, String winnerId) {
        if (listing.state() instanceof SealedState sealed) {
            return sealed.bids().stream()
                    .filter(b -> !b.bidderId().equals(winnerId))
                    .max(Comparator.comparingLong(SealedBid::amount)
                            .thenComparing(Comparator.comparingLong(SealedBid::sequence)
                                    .reversed()))
                    .map(b -> new ListingAwarded.RunnerUp(b.bidderId(), Money.of(b.amount(), listing.currency())));
        }
        if (listing.mechanism().type() != MechanismType.ENGLISH) {
            return Optional.empty();
        }
        return bids.highestOtherMaximum(listing.id(), winnerId)
                .map(e -> new ListingAwarded.RunnerUp(e.getKey(), Money.of(e.getValue(), listing.currency())));
    }

    /** Only verified organizations trade: a seller or winner suspended (or never verified) since cannot be awarded. */
    private boolean mayTrade(String organizationId) {
        return participants
                .organization(organizationId)
                .map(o -> o.status().mayTrade())
                .orElse(false);
    }

    /** Why a sale the engine ended with a winner still ends UNSOLD (besides the engine's own NO_BIDS, RESERVE_NOT_MET). */
    enum UnsoldReason {
        /** The seller is no longer verified (suspended) at the close: nothing is sold, every deposit is released. */
        SELLER_SUSPENDED,
        /** The winner is no longer verified (suspended) at the close, so no rights can pass to them. */
        WINNER_NOT_VERIFIED,
        /** The rights registry can no longer grant the offer to the winner. */
        RIGHTS_CONFLICT
    }
}
