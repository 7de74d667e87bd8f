package org.techmarket.listing.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingEvent;
import org.techmarket.listing.domain.ListingEvent.ListingOpened;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;

/**
 * Stores what a listing's step changed, in the step's transaction: the listing, each of its events in the market's
 * log under the event's own name, the funnel's {@link org.techmarket.listing.ListingMilestone}s it passed, and, when the
 * listing reached a final status, {@link ListingEnded} for the other modules.
 */
@Component
class ListingChanges {

    private final Listings listings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ListingChanges(Listings listings, AuditLog audit, ApplicationEventPublisher events) {
        this.listings = listings;
        this.audit = audit;
        this.events = events;
    }

    /** A new listing, stored with what drafted it. */
    Listing add(Actor actor, Listing.Change drafted) {
        listings.add(drafted.listing());
        record(actor, drafted);
        return drafted.listing();
    }

    /** The changed listing as stored; a step that changed nothing stores nothing. */
    Listing store(Actor actor, Listing.Change change) {
        return store(actor, change, Optional.empty());
    }

    /** As {@link #store(Actor, Listing.Change)}, publishing {@code announcement} before the listing's ending. */
    Listing store(Actor actor, Listing.Change change, Optional<Object> announcement) {
        if (change.events().isEmpty()) {
            return change.listing();
        }
        Listing stored = listings.update(change.listing());
        record(actor, change);
        announcement.ifPresent(events::publishEvent);
        if (stored.status().isFinal()) {
            events.publishEvent(
                    new ListingEnded(stored.id(), stored.status().name(), stored.statusReason(), stored.updatedAt()));
        }
        return stored;
    }

    /** Logs the step's events; the listing is stored by the caller. */
    void record(Actor actor, Listing.Change change) {
        record(List.of(new Step(actor, change)));
    }

    /** A step taken by an actor: one of several logged together. */
    record Step(Actor actor, Listing.Change change) {}

    /** Logs the events of steps taken one after another (a group of bids), in their order, appended together. */
    void record(List<Step> steps) {
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (Step step : steps) {
            for (ListingEvent event : step.change().events()) {
                // A listing opens because its start came, whoever's command found it so.
                Actor by = event instanceof ListingOpened ? Actor.SYSTEM : step.actor();
                entries.add(new AuditLog.Entry(
                        by.auditName(),
                        AuditLog.typeOf(event.getClass().asSubclass(Record.class)),
                        subject(step.change().listing()),
                        event.payload()));
            }
        }
        if (!entries.isEmpty()) {
            audit.recordAll(entries);
        }
        for (Step step : steps) {
            for (ListingEvent event : step.change().events()) {
                ListingMilestones.of(step.change().listing(), event).ifPresent(events::publishEvent);
            }
        }
    }

    /**
     * Publishes {@link LeadTaken} when the bid moved the lead of a sale with a public leader from one bidder to
     * another; the first bid, a sealed bid and a bid the leader's maximum answered publish nothing.
     */
    void announceLead(Listing listing, Optional<String> before, AuctionView after, String bidId, Instant at) {
        Optional<String> leader = after.leaderId();
        if (before.isPresent() && leader.isPresent() && !before.get().equals(leader.get())) {
            Money price = Money.of(after.currentPrice().orElse(0L), listing.currency());
            events.publishEvent(
                    new LeadTaken(listing.id(), listing.venueId(), bidId, leader.get(), before.get(), price, at));
        }
    }

    static String subject(Listing listing) {
        return "listing:" + listing.id();
    }
}
