package org.techmarket.listing.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.domain.AuctionResult;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.SealedBid;
import org.techmarket.listing.domain.SealedState;
import org.techmarket.listing.persistence.Bids;
import org.techmarket.listing.persistence.Listing;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.Participants;
import org.techmarket.rights.AssetConflict;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * Settles a sale the engine has ended, with the listing locked: OPEN → CLOSED → AWARDED when there is a winner, the
 * seller and the winner are still verified and the rights can still be granted to the winner, else UNSOLD with the
 * reason. Losers' deposits are released, the winner's stays held (on UNSOLD every deposit is released), and the
 * award is published as {@link ListingAwarded} in the same transaction.
 */
@Component
class Awarding {

    private final Listings listings;
    private final Bids bids;
    private final Deposits deposits;
    private final OfferRights rights;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ListingEndings endings;
    private final Participants participants;

    Awarding(Listings listings, Bids bids, Deposits deposits, OfferRights rights, AuditLog audit,
            ApplicationEventPublisher events, ListingEndings endings, Participants participants) {
        this.participants = participants;
        this.endings = endings;
        this.listings = listings;
        this.bids = bids;
        this.deposits = deposits;
        this.rights = rights;
        this.audit = audit;
        this.events = events;
    }

    /**
     * The best losing bidder and the most they offered: an English runner-up's proxy bid up to their maximum before
     * being outbid; a sealed runner-up offered their sealed bid. A Dutch or fixed-price sale has none.
     */
    private Optional<ListingAwarded.RunnerUp> runnerUp(Listing listing, String winnerId) {
        if (listing.state() instanceof SealedState sealed) {
            return sealed.bids().stream().filter(b -> !b.bidderId().equals(winnerId))
                    .max(Comparator.comparingLong(SealedBid::amount)
                            .thenComparing(Comparator.comparingLong(SealedBid::sequence).reversed()))
                    .map(b -> new ListingAwarded.RunnerUp(b.bidderId(), Money.of(b.amount(), listing.currency())));
        }
        if (listing.mechanism().type() != MechanismType.ENGLISH) {
            return Optional.empty();
        }
        return bids.highestOtherMaximum(listing.id(), winnerId).map(e -> new ListingAwarded.RunnerUp(e.getKey(),
                Money.of(e.getValue(), listing.currency())));
    }

    /** {@code listing} already carries the state after the engine's last command, whose result ended the sale. */
    Listing settle(Listing listing, AuctionResult ended, Instant at) {
        Outcome outcome = ended.outcome().orElseThrow();
        Listing closed = listing.withStatus(listing.status().transitionTo(ListingStatus.CLOSED, true), Optional.empty(),
                at);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (outcome instanceof Outcome.Unsold unsold) {
            payload.put("unsold", unsold.reason().name());
        } else if (!mayTrade(listing.sellerId())) {
            payload.put("unsold", UnsoldReason.SELLER_SUSPENDED.name());
            payload.put("sellerId", listing.sellerId());
        } else {
            Outcome.Award award = (Outcome.Award) outcome;
            if (!mayTrade(award.winnerId())) {
                payload.put("unsold", UnsoldReason.WINNER_NOT_VERIFIED.name());
                payload.put("winnerId", award.winnerId());
            } else {
                List<AssetConflict> conflicts = rights.conflictsFor(listing, award.winnerId());
                if (conflicts.isEmpty()) {
                    return award(listing, closed, award, at);
                }
                payload.put("unsold", UnsoldReason.RIGHTS_CONFLICT.name());
                payload.put("conflicts", AssetConflict.views(conflicts));
            }
        }
        deposits.settle(Actor.SYSTEM, listing, Optional.empty());
        Listing unsold = listings.update(closed.withOutcome(listing.state(), Optional.empty(), OptionalLong.empty(), at)
                .withStatus(closed.status().transitionTo(ListingStatus.UNSOLD, true),
                        Optional.of(String.valueOf(payload.get("unsold"))), at));
        audit.record(Actor.SYSTEM.auditName(), "ListingUnsold", ListingLifecycle.subject(listing), payload);
        endings.ended(unsold);
        return unsold;
    }

    private Listing award(Listing listing, Listing closed, Outcome.Award award, Instant at) {
        Optional<String> kept = deposits.settle(Actor.SYSTEM, listing, Optional.of(award.winnerId()));
        Listing awarded = listings.update(closed.withOutcome(listing.state(), Optional.of(award.winnerId()),
                OptionalLong.of(award.price()), at).withStatus(closed.status().transitionTo(ListingStatus.AWARDED,
                        true), Optional.empty(), at));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("winnerId", award.winnerId());
        payload.put("price", Money.of(award.price(), listing.currency()).toString());
        audit.record(Actor.SYSTEM.auditName(), "ListingAwarded", ListingLifecycle.subject(listing), payload);
        events.publishEvent(new ListingAwarded(listing.id(), listing.venueId(), listing.sellerId(),
                award.winnerId(), listing.assetIds(), listing.offerKind(), listing.licenceScope(),
                Money.of(award.price(), listing.currency()), kept, runnerUp(listing, award.winnerId()),
                listing.mechanism().type().name(), at));
        endings.ended(awarded);
        return awarded;
    }

    /** Only verified organizations trade: a seller or winner suspended (or never verified) since cannot be awarded. */
    private boolean mayTrade(String organizationId) {
        return participants.organization(organizationId).map(o -> o.status().mayTrade()).orElse(false);
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
