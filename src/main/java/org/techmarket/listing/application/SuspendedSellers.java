package org.techmarket.listing.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.participant.OrganizationSuspended;

/**
 * When an operator suspends an organization, its listings that still stand (drafted up to open) end: each is
 * cancelled with the reason {@value #REASON}, its deposits go back and its open offers lapse, as an operator's
 * cancellation does, and it is audited. The suspension's own reason stays with the venue. Reinstatement reopens
 * nothing: the seller drafts again. Delivered after the suspension commits, at least once (ADR 0015); a listing
 * already ended is left as it is, so a repeated delivery changes nothing.
 */
@Component
public class SuspendedSellers {

    static final String REASON = "seller suspended";

    private static final Logger log = LoggerFactory.getLogger(SuspendedSellers.class);

    private final Listings listings;
    private final ListingLifecycle lifecycle;

    SuspendedSellers(Listings listings, ListingLifecycle lifecycle) {
        this.listings = listings;
        this.lifecycle = lifecycle;
    }

    // The id names the listener in stored publications, so it stays the same when the method is renamed.
    @ApplicationModuleListener(id = "listing.suspension.organization-suspended")
    void on(OrganizationSuspended suspended) {
        endListingsOf(suspended);
    }

    /** Cancels the suspended organization's standing listings; returns how many. */
    @Transactional
    public int endListingsOf(OrganizationSuspended suspended) {
        int ended = 0;
        for (String id : listings.standingOf(suspended.organizationId())) {
            if (lifecycle
                    .cancelForSuspension(listings.lock(id).orElseThrow(), REASON)
                    .isPresent()) {
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Cancelled {} listings of suspended organization {}", ended, suspended.organizationId());
        }
        return ended;
    }
}
