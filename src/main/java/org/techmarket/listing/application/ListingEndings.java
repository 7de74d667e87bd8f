package org.techmarket.listing.application;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.persistence.Listing;

/** Tells other modules, in the ending's transaction, that a listing reached a final status. */
@Component
class ListingEndings {

    private final ApplicationEventPublisher events;

    ListingEndings(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** {@code ended} as stored, in its final status. */
    void ended(Listing ended) {
        if (!ended.status().isFinal()) {
            throw new IllegalStateException("listing " + ended.id() + " is " + ended.status() + ", not ended");
        }
        events.publishEvent(new ListingEnded(ended.id(), ended.status().name(), ended.statusReason(),
                ended.updatedAt()));
    }
}
