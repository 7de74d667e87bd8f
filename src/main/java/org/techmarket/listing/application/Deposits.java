package org.techmarket.listing.application;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.Ledger;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.persistence.Bidders;
import org.techmarket.listing.persistence.Bidders.Bidder;
import org.techmarket.listing.persistence.Bidders.Deposit;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * Bid deposits on the ledger: held when a bidder first bids (or accepts, or purchases) on a listing; at the end,
 * released for everyone but the winner, whose deposit stays held for the deal. Called with the listing locked.
 */
@Component
class Deposits {

    static final String PURPOSE = "AUCTION_DEPOSIT";

    private final Ledger ledger;
    private final Bidders bidders;

    Deposits(Ledger ledger, Bidders bidders) {
        this.ledger = ledger;
        this.bidders = bidders;
    }

    /** The bidder on this listing, if they have joined it. */
    Optional<Bidder> bidder(Listing listing, String bidderId) {
        return bidders.find(listing.id(), bidderId);
    }

    /** The bidder on this listing, holding their deposit first if this is their first bid (INSUFFICIENT_FUNDS). */
    Bidder join(Actor actor, Listing listing, String bidderId, Instant at) {
        Optional<Bidder> known = bidder(listing, bidderId);
        return known.isPresent() ? known.get() : joinNew(actor, listing, bidderId, at);
    }

    /** Holds the deposit of a bidder who has not joined the listing yet and joins them (INSUFFICIENT_FUNDS). */
    Bidder joinNew(Actor actor, Listing listing, String bidderId, Instant at) {
        return bidders.join(listing.id(), bidderId, hold(actor, listing, bidderId), at);
    }

    /**
     * Holds the deposit of a bidder who has not joined the listing yet (INSUFFICIENT_FUNDS), for the caller to join
     * them with it; none when the listing asks no deposit.
     */
    Optional<String> hold(Actor actor, Listing listing, String bidderId) {
        if (listing.deposit() <= 0) {
            return Optional.empty();
        }
        Hold hold = ledger.hold(
                actor,
                new HoldRequest(
                        bidderId,
                        Money.of(listing.deposit(), listing.currency()),
                        PURPOSE,
                        "listing:" + listing.id(),
                        Optional.empty()));
        return Optional.of(hold.id());
    }

    /** Releases every held deposit except the winner's, which is kept; returns the winner's hold, if any. */
    Optional<String> settle(Actor actor, Listing listing, Optional<String> winnerId) {
        Optional<String> kept = Optional.empty();
        for (Bidder bidder : bidders.of(listing.id())) {
            if (bidder.deposit() != Deposit.HELD) {
                continue;
            }
            if (winnerId.filter(bidder.bidderId()::equals).isPresent()) {
                bidders.mark(listing.id(), bidder.bidderId(), Deposit.KEPT);
                kept = bidder.holdId();
            } else {
                ledger.release(actor, bidder.holdId().orElseThrow());
                bidders.mark(listing.id(), bidder.bidderId(), Deposit.RELEASED);
            }
        }
        return kept;
    }
}
