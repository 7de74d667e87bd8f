package org.techmarket.listing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.shared.Actor;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Opens listings whose bidding start has come and closes those whose end has come. Every node runs it through
 * {@link BackgroundJobs}; each listing is claimed with {@code FOR UPDATE SKIP LOCKED} and handled in its own
 * transaction, so it opens and closes exactly once however many nodes run, a node dying mid-way leaves it to the next
 * run, and a listing that cannot be closed is retried later without holding up the listings ending after it.
 */
@Component
public class Closing {

    private static final Logger log = LoggerFactory.getLogger(Closing.class);

    private final Listings listings;
    private final Awarding awarding;
    private final TransactionTemplate transactions;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job opening;
    private final Job closing;

    Closing(
            Listings listings,
            ListingChanges changes,
            Awarding awarding,
            TransactionTemplate transactions,
            BackgroundJobs jobs,
            Clock clock) {
        this.listings = listings;
        this.awarding = awarding;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.opening = Job.of(
                "listing-opening",
                listings::dueToOpen,
                (id, asOf) -> listings.claimStarting(id, asOf)
                        .map(l -> changes.store(Actor.SYSTEM, l.openIfStarted(asOf)))
                        .isPresent());
        this.closing = Job.of(
                "listing-closing",
                listings::dueToClose,
                (id, asOf) ->
                        listings.claimEnded(id, asOf).map(l -> close(l, asOf)).isPresent());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.listing.closing-interval:PT1S}",
            initialDelayString = "${techmarket.listing.closing-interval:PT1S}")
    void run() {
        int done = runDue(clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (done > 0) {
            log.debug("Opened or closed {} listings", done);
        }
    }

    /** Opens and closes what is due at {@code asOf}, one listing per transaction; returns how many it handled. */
    public int runDue(Instant asOf) {
        return jobs.run(opening, asOf) + jobs.run(closing, asOf);
    }

    /** Closes one listing as of {@code asOf} if it is OPEN and its end has come; true when this call closed it. */
    public boolean close(String listingId, Instant asOf) {
        return Boolean.TRUE.equals(transactions.execute(tx -> listings.lock(listingId)
                .filter(l -> l.status() == ListingStatus.OPEN && !l.endsAt().isAfter(asOf))
                .map(l -> close(l, asOf))
                .isPresent()));
    }

    private Listing close(Listing listing, Instant asOf) {
        return awarding.settle(listing.close(asOf), asOf);
    }
}
