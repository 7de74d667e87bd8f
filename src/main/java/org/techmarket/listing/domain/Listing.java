package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.techmarket.listing.ListingCodes;
import org.techmarket.listing.domain.ListingEvent.BidPlaced;
import org.techmarket.listing.domain.ListingEvent.DutchPriceAccepted;
import org.techmarket.listing.domain.ListingEvent.FixedPricePurchased;
import org.techmarket.listing.domain.ListingEvent.ListingApproved;
import org.techmarket.listing.domain.ListingEvent.ListingAwarded;
import org.techmarket.listing.domain.ListingEvent.ListingCancelled;
import org.techmarket.listing.domain.ListingEvent.ListingDrafted;
import org.techmarket.listing.domain.ListingEvent.ListingOpened;
import org.techmarket.listing.domain.ListingEvent.ListingPublished;
import org.techmarket.listing.domain.ListingEvent.ListingRejected;
import org.techmarket.listing.domain.ListingEvent.ListingSubmitted;
import org.techmarket.listing.domain.ListingEvent.ListingUnsold;
import org.techmarket.listing.domain.ListingEvent.ListingWithdrawn;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A listing: what the seller offers, the mechanism as published, the sale's engine state and where the listing
 * stands. Every move goes through {@link ListingStatus}' table; a listing is open for bids (or offers) from its
 * start to its end, and a published listing whose start has passed counts as open, so it opens on the first command
 * that finds it so. Listings are values: every step returns the changed listing with the events it caused.
 * {@code endsAt} is the current end (an English soft close moves it); {@code bidCount} counts accepted commands.
 */
public record Listing(
        String id,
        String venueId,
        String sellerId,
        String title,
        String description,
        List<String> assetIds,
        List<String> industries,
        GrantKind offerKind,
        Optional<GrantScope> licenceScope,
        Mechanism mechanism,
        String currency,
        long deposit,
        Instant startsAt,
        Instant endsAt,
        ListingStatus status,
        Optional<String> statusReason,
        AuctionState state,
        long bidCount,
        Optional<String> winnerId,
        OptionalLong awardPrice,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** A listing after a step, and what the step did, in order. */
    public record Change(Listing listing, List<ListingEvent> events) {

        public Change {
            events = List.copyOf(events);
        }

        static Change of(Listing listing, ListingEvent... events) {
            return new Change(listing, List.of(events));
        }

        /** This change followed by the next step on its listing. */
        public Change then(Function<Listing, Change> step) {
            Change next = step.apply(listing);
            List<ListingEvent> all = new ArrayList<>(events);
            all.addAll(next.events());
            return new Change(next.listing(), all);
        }
    }

    /** A bid (or take) the sale accepted: the listing after it and the engine's answer. */
    public record Bid(Change change, AuctionResult result) {}

    public Listing {
        assetIds = List.copyOf(assetIds);
        industries = List.copyOf(industries);
    }

    /** A new DRAFT of {@code assetIds} under {@code mechanism}, whose terms must hold; a licence has its scope. */
    public static Change draft(
            String id,
            String venueId,
            String sellerId,
            String title,
            String description,
            List<String> assetIds,
            List<String> industries,
            GrantKind offerKind,
            Optional<GrantScope> licenceScope,
            Mechanism mechanism,
            Instant now) {
        AuctionTerms terms = mechanism.terms();
        Listing listing = new Listing(
                id,
                venueId,
                sellerId,
                title,
                description,
                assetIds,
                industries,
                offerKind,
                licenceScope,
                mechanism,
                mechanism.currency(),
                mechanism.depositOrZero().minor(),
                terms.startsAt(),
                terms.endsAt(),
                ListingStatus.DRAFT,
                Optional.empty(),
                Auction.open(terms).state(),
                0,
                Optional.empty(),
                OptionalLong.empty(),
                now,
                now,
                1);
        return Change.of(
                listing,
                new ListingDrafted(
                        id,
                        sellerId,
                        assetIds,
                        offerKind.name(),
                        mechanism.type().name()));
    }

    /** The sale as its stored state left it. */
    public Auction auction() {
        return Auction.rehydrate(mechanism.terms(), state);
    }

    public boolean isSealed() {
        return mechanism.type() == MechanismType.SEALED_FIRST_PRICE
                || mechanism.type() == MechanismType.SEALED_SECOND_PRICE;
    }

    /** DRAFT → SUBMITTED. */
    public Change submit(Instant at) {
        return Change.of(moveTo(ListingStatus.SUBMITTED, Optional.empty(), at), new ListingSubmitted(id));
    }

    /** SUBMITTED → APPROVED → PUBLISHED, with its disclosure period, and OPEN at once if its start has passed. */
    public Change approve(Instant at) {
        return Change.of(moveTo(ListingStatus.APPROVED, Optional.empty(), at), new ListingApproved(id))
                .then(approved -> Change.of(
                        approved.moveTo(ListingStatus.PUBLISHED, Optional.empty(), at), new ListingPublished(id)))
                .then(published -> published.openIfStarted(at));
    }

    public Change reject(String reason, Instant at) {
        return Change.of(moveTo(ListingStatus.REJECTED, Optional.of(reason), at), new ListingRejected(id, reason));
    }

    /** The seller's withdrawal, refused once there are bids (LISTING_HAS_BIDS). */
    public Change withdraw(Instant at) {
        return Change.of(moveTo(ListingStatus.WITHDRAWN, Optional.empty(), at), new ListingWithdrawn(id));
    }

    /** Any status before award → CANCELLED, for {@code reason}. */
    public Change cancel(String reason, Instant at) {
        return Change.of(moveTo(ListingStatus.CANCELLED, Optional.of(reason), at), new ListingCancelled(id, reason));
    }

    /** PUBLISHED → OPEN: bidding starts. */
    public Change open(Instant at) {
        return Change.of(moveTo(ListingStatus.OPEN, Optional.empty(), at), new ListingOpened(id));
    }

    /** Opens a PUBLISHED listing whose start has come (the opening job may not have run yet); else no change. */
    public Change openIfStarted(Instant at) {
        return status == ListingStatus.PUBLISHED && !at.isBefore(startsAt) ? open(at) : Change.of(this);
    }

    /**
     * The listing ready to take a bid, an acceptance or a purchase at {@code at}: opened if its start has come;
     * refused with NEGOTIATION_LISTING for a negotiated listing and LISTING_NOT_OPEN unless it is open.
     */
    public Change openForBids(Instant at) {
        if (mechanism.type() == MechanismType.NEGOTIATION) {
            throw Rejection.conflict(
                    ListingCodes.NEGOTIATION_LISTING,
                    "The listing is sold by negotiation: send an offer to /api/v1/listings/" + id + "/offers");
        }
        Change opened = openIfStarted(at);
        if (opened.listing().status() != ListingStatus.OPEN) {
            throw Rejection.conflict(ListingCodes.LISTING_NOT_OPEN, "The listing is " + status + ", not open for bids");
        }
        return opened;
    }

    /**
     * An OPEN listing's sale takes {@code command}: one more accepted command, the engine's new state and end. When
     * the command ends the sale (a Dutch acceptance, a purchase) the listing is CLOSED, to be awarded or go unsold.
     */
    public Bid placeBid(AuctionCommand command) {
        if (status != ListingStatus.OPEN) {
            throw Rejection.conflict(ListingCodes.LISTING_NOT_OPEN, "The listing is " + status + ", not open for bids");
        }
        Auction auction = auction();
        AuctionResult result = auction.apply(command);
        Instant at = command.at();
        Listing next = copy(
                status,
                statusReason,
                result.view().endsAt(),
                auction.state(),
                bidCount + 1,
                winnerId,
                awardPrice,
                at,
                version);
        if (result.outcome().isPresent()) {
            next = next.moveTo(ListingStatus.CLOSED, Optional.empty(), at);
        }
        return new Bid(Change.of(next, bidTaken(command, result)), result);
    }

    /** The sale ends at {@code at}: the engine settles its outcome and the OPEN listing is CLOSED. */
    public Change close(Instant at) {
        Auction auction = auction();
        auction.close(at);
        return Change.of(withState(auction.state(), at).moveTo(ListingStatus.CLOSED, Optional.empty(), at));
    }

    /** How the closed sale ended, as the engine decided it. */
    public Optional<Outcome> outcome() {
        return state.outcome();
    }

    /**
     * Refuses offers on this listing at {@code at} unless it is sold by negotiation (NOT_A_NEGOTIATION) and open
     * for it (LISTING_NOT_OPEN): OPEN, or PUBLISHED with its start come, and before its end.
     */
    public void requireOpenToOffers(Instant at) {
        if (mechanism.type() != MechanismType.NEGOTIATION) {
            throw Rejection.conflict(
                    ListingCodes.NOT_A_NEGOTIATION,
                    "The listing is sold by " + mechanism.type() + ", not by negotiation");
        }
        boolean started = status == ListingStatus.OPEN || (status == ListingStatus.PUBLISHED && !at.isBefore(startsAt));
        if (!started || !at.isBefore(endsAt)) {
            throw Rejection.conflict(
                    ListingCodes.LISTING_NOT_OPEN, "The listing is " + status + " and not open for negotiation");
        }
    }

    /**
     * The seller and a buyer agreed at {@code price}: the negotiation, open at {@code at}, is CLOSED (opened first if
     * its start has come) to be awarded; CURRENCY_MISMATCH when the price is not in the listing's currency.
     */
    public Change concludeNegotiation(Money price, Instant at) {
        requireOpenToOffers(at);
        Change opened = openIfStarted(at);
        if (!price.currency().equals(currency)) {
            throw Rejection.invalid(SharedCodes.CURRENCY_MISMATCH, "price", "the listing is in " + currency);
        }
        return opened.then(open -> Change.of(open.moveTo(ListingStatus.CLOSED, Optional.empty(), at)));
    }

    /** CLOSED → AWARDED to {@code winnerId} at {@code price} fen. */
    public Change award(String winnerId, long price, Instant at) {
        Listing awarded = moveTo(ListingStatus.AWARDED, Optional.empty(), at);
        return Change.of(
                awarded.withAward(Optional.of(winnerId), OptionalLong.of(price)),
                new ListingAwarded(id, winnerId, Money.of(price, currency), mechanism.type()));
    }

    /** CLOSED → UNSOLD for the reason {@code unsold}, which becomes the status reason, with what explains it. */
    public Change goUnsold(String unsold, Map<String, Object> details, Instant at) {
        Listing ended = moveTo(ListingStatus.UNSOLD, Optional.of(unsold), at);
        return Change.of(
                ended.withAward(Optional.empty(), OptionalLong.empty()), new ListingUnsold(id, unsold, details));
    }

    private ListingEvent bidTaken(AuctionCommand command, AuctionResult result) {
        Optional<Money> price = money(result.view().currentPrice());
        if (command instanceof PlaceBid bid) {
            // A sealed amount stays out of the log until the close; an English maximum stays out for good.
            Optional<Money> amount = isSealed() ? Optional.empty() : Optional.of(Money.of(bid.amount(), currency));
            return new BidPlaced(id, bid.bidId(), bid.bidderId(), amount, price);
        }
        if (command instanceof AcceptPrice accept) {
            return new DutchPriceAccepted(id, accept.bidId(), accept.bidderId(), Optional.empty(), price);
        }
        Purchase purchase = (Purchase) command;
        return new FixedPricePurchased(id, purchase.bidId(), purchase.buyerId(), Optional.empty(), price);
    }

    private Optional<Money> money(OptionalLong amount) {
        return amount.isPresent() ? Optional.of(Money.of(amount.getAsLong(), currency)) : Optional.empty();
    }

    private Listing moveTo(ListingStatus next, Optional<String> reason, Instant at) {
        ListingStatus moved = status.transitionTo(next, bidCount > 0);
        return copy(moved, reason.or(() -> statusReason), endsAt, state, bidCount, winnerId, awardPrice, at, version);
    }

    private Listing withState(AuctionState next, Instant at) {
        return copy(status, statusReason, endsAt, next, bidCount, winnerId, awardPrice, at, version);
    }

    private Listing withAward(Optional<String> winner, OptionalLong price) {
        return copy(status, statusReason, endsAt, state, bidCount, winner, price, updatedAt, version);
    }

    /** The listing as stored once more: its version moves on. */
    public Listing stored() {
        return copy(status, statusReason, endsAt, state, bidCount, winnerId, awardPrice, updatedAt, version + 1);
    }

    /** This listing with what its steps change; what it offers and how it sells stay as they were. */
    private Listing copy(
            ListingStatus status,
            Optional<String> statusReason,
            Instant endsAt,
            AuctionState state,
            long bidCount,
            Optional<String> winnerId,
            OptionalLong awardPrice,
            Instant updatedAt,
            long version) {
        return new Listing(
                id,
                venueId,
                sellerId,
                title,
                description,
                assetIds,
                industries,
                offerKind,
                licenceScope,
                mechanism,
                currency,
                deposit,
                startsAt,
                endsAt,
                status,
                statusReason,
                state,
                bidCount,
                winnerId,
                awardPrice,
                createdAt,
                updatedAt,
                version);
    }
}
