package org.techmarket.listing.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.listing.ListingCodes;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Where a listing stands in its life. Every allowed move is in the one table below and {@link #transitionTo}
 * is the only way to move; a seller may withdraw only before the first bid, an operator may cancel until the
 * listing is awarded. Who may ask for a move (seller, operator, the closing job) is the application's check.
 */
public enum ListingStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    PUBLISHED,
    OPEN,
    CLOSED,
    AWARDED,
    UNSOLD,
    WITHDRAWN,
    CANCELLED;

    // REJECTED, AWARDED, UNSOLD, WITHDRAWN and CANCELLED are final: a refused or ended listing is not revived,
    // the seller drafts a new one.
    private static final Map<ListingStatus, Set<ListingStatus>> TRANSITIONS = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN, CANCELLED)),
            Map.entry(SUBMITTED, EnumSet.of(APPROVED, REJECTED, WITHDRAWN, CANCELLED)),
            Map.entry(APPROVED, EnumSet.of(PUBLISHED, WITHDRAWN, CANCELLED)),
            Map.entry(PUBLISHED, EnumSet.of(OPEN, WITHDRAWN, CANCELLED)),
            Map.entry(OPEN, EnumSet.of(CLOSED, WITHDRAWN, CANCELLED)),
            Map.entry(CLOSED, EnumSet.of(AWARDED, UNSOLD, CANCELLED)),
            Map.entry(REJECTED, EnumSet.noneOf(ListingStatus.class)),
            Map.entry(AWARDED, EnumSet.noneOf(ListingStatus.class)),
            Map.entry(UNSOLD, EnumSet.noneOf(ListingStatus.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(ListingStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(ListingStatus.class)));

    /** Whether the listing still stands: drafted or on its way to the market or open, and not yet closed or ended. */
    public boolean isStanding() {
        return this == DRAFT || this == SUBMITTED || this == APPROVED || this == PUBLISHED || this == OPEN;
    }

    /** Whether the table allows moving to {@code next}, before the bid guard on withdrawal. */
    public boolean canBecome(ListingStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /**
     * The status after moving to {@code next}, or a refusal: {@code INVALID_STATUS_TRANSITION} when the table
     * does not allow the move, {@code LISTING_HAS_BIDS} when a listing with bids would be withdrawn.
     */
    public ListingStatus transitionTo(ListingStatus next, boolean hasBids) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION, "A listing that is " + this + " cannot become " + next);
        }
        if (next == WITHDRAWN && hasBids) {
            // Bidders have committed deposits and effort; only an operator's cancellation can end it now.
            throw Rejection.conflict(ListingCodes.LISTING_HAS_BIDS, "A listing cannot be withdrawn once it has bids");
        }
        return next;
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }
}
