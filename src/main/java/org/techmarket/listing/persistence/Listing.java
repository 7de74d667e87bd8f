package org.techmarket.listing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.techmarket.listing.domain.Auction;
import org.techmarket.listing.domain.AuctionState;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;

/**
 * One stored listing: the offer, the mechanism as published, the engine's state and where the listing stands.
 * {@code endsAt} is the current end (an English soft close moves it); {@code bidCount} counts accepted commands.
 */
public record Listing(String id, String venueId, String sellerId, String title, String description,
        List<String> assetIds, List<String> industries, GrantKind offerKind, Optional<GrantScope> licenceScope,
        Mechanism mechanism, String currency, long deposit, Instant startsAt, Instant endsAt, ListingStatus status,
        Optional<String> statusReason, AuctionState state, long bidCount, Optional<String> winnerId,
        OptionalLong awardPrice, Instant createdAt, Instant updatedAt, long version) {

    public Listing {
        assetIds = List.copyOf(assetIds);
        industries = List.copyOf(industries);
    }

    /** The sale as its stored state left it. */
    public Auction auction() {
        return Auction.rehydrate(mechanism.terms(), state);
    }

    public Listing withStatus(ListingStatus next, Optional<String> reason, Instant at) {
        return new Listing(id, venueId, sellerId, title, description, assetIds, industries, offerKind, licenceScope,
                mechanism, currency, deposit, startsAt, endsAt, next, reason.or(() -> statusReason), state, bidCount,
                winnerId, awardPrice, createdAt, at, version);
    }

    /** After an accepted command: the new engine state, one more accepted command and the end it now has. */
    public Listing withSale(AuctionState next, Instant end, Instant at) {
        return new Listing(id, venueId, sellerId, title, description, assetIds, industries, offerKind, licenceScope,
                mechanism, currency, deposit, startsAt, end, status, statusReason, next, bidCount + 1, winnerId,
                awardPrice, createdAt, at, version);
    }

    /** The engine's new state with nothing else changed, e.g. after the close. */
    public Listing withState(AuctionState next, Instant at) {
        return new Listing(id, venueId, sellerId, title, description, assetIds, industries, offerKind, licenceScope,
                mechanism, currency, deposit, startsAt, endsAt, status, statusReason, next, bidCount, winnerId,
                awardPrice, createdAt, at, version);
    }

    /** After the close: the engine's final state and, when sold, the winner and price. */
    public Listing withOutcome(AuctionState closed, Optional<String> winner, OptionalLong price, Instant at) {
        return new Listing(id, venueId, sellerId, title, description, assetIds, industries, offerKind, licenceScope,
                mechanism, currency, deposit, startsAt, endsAt, status, statusReason, closed, bidCount, winner, price,
                createdAt, at, version);
    }

    public boolean isSealed() {
        return mechanism.type() == MechanismType.SEALED_FIRST_PRICE
                || mechanism.type() == MechanismType.SEALED_SECOND_PRICE;
    }
}
