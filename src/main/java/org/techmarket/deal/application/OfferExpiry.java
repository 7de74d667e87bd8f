package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.deal.persistence.Offers;
import org.techmarket.listing.ListingEnded;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Marks offers EXPIRED once their deadline has come. Every node runs it through {@link BackgroundJobs}; each offer is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and expired in its own transaction, so an answer being given at that
 * moment is simply first (and refused as too late if the deadline has come) or second. When a listing ends, its offers still
 * open lapse the same way, with a reason, once the ending has committed.
 */
@Component
public class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);
    private final Negotiating negotiating;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job expiry;

    OfferExpiry(Negotiating negotiating, Offers offers, BackgroundJobs jobs, Clock clock) {
        this.negotiating = negotiating;
        this.jobs = jobs;
        this.clock = clock;
        this.expiry = Job.of(
                "offer-expiry",
                offers::dueIds,
                (id, asOf) -> negotiating.expireIfDue(id, asOf).isPresent());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.deal.offer-expiry-interval:PT5S}",
            initialDelayString = "${techmarket.deal.offer-expiry-interval:PT5S}")
    void expireDueOffers() {
        int expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} offers whose deadline had come", expired);
        }
    }

    // After the ending commits, in a transaction of its own, at least once (ADR 0015); the id names the listener in
    // stored publications. Lapsing is idempotent: offers already closed are left alone.
    @ApplicationModuleListener(id = "deal.offers.listing-ended")
    void on(ListingEnded ended) {
        int lapsed = negotiating.lapseOffersOf(ended).size();
        if (lapsed > 0) {
            log.info("Closed {} open offers of listing {}, which is {}", lapsed, ended.listingId(), ended.status());
        }
    }

    /** Expires what is due at {@code asOf}, one transaction per offer; returns how many this call expired. */
    public int expireDue(Instant asOf) {
        return jobs.run(expiry, asOf);
    }
}
