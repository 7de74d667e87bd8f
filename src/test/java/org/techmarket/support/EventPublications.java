package org.techmarket.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the event publication registry's table: what was published about a listing, and how far it got. */
public final class EventPublications {

    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final JdbcClient jdbc;

    public EventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored publication: to which listener, its status, how often it was attempted, whether it completed. */
    public record Publication(String id, String listenerId, String status, int attempts, boolean completed) {}

    /** The publications of the award of {@code listingId} to the deal module's opening, oldest first. */
    public List<Publication> ofAward(String listingId) {
        return jdbc.sql("select id::text, listener_id, status, completion_attempts, completion_date is not null"
                        + " from event_publication where event_type = 'org.techmarket.listing.ListingAwarded'"
                        + " and listener_id = 'deal.opening.listing-awarded'"
                        + " and serialized_event::jsonb ->> 'listingId' = ? order by publication_date, id")
                .param(listingId)
                .query((rs, n) -> new Publication(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)))
                .list();
    }

    /** The award's publications once there is at least one and all are completed; fails if that does not come. */
    public List<Publication> awaitDelivered(String listingId) {
        return await(listingId, found -> !found.isEmpty() && found.stream().allMatch(Publication::completed));
    }

    /** The award's publications once one of them has {@code status}; fails if that does not come. */
    public List<Publication> awaitStatus(String listingId, String status) {
        return await(listingId, found -> found.stream().anyMatch(p -> status.equals(p.status())));
    }

    private List<Publication> await(String listingId, Predicate<List<Publication>> done) {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            List<Publication> found = ofAward(listingId);
            if (done.test(found)) {
                return found;
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(
                        "the publications of the award of " + listingId + " did not get there: " + found);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
