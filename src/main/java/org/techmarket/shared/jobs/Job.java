package org.techmarket.shared.jobs;

import java.time.Instant;
import java.util.List;

/**
 * One kind of background work, done item by item: which items are due, and how to handle one. The shape
 * ({@link BackgroundJobs}) gives each item its own transaction, so an item that cannot be handled is rolled back,
 * recorded and retried later while the others go on.
 */
public interface Job {

    /** A stable name (e.g. {@code listing-closing}): the metrics tag, and how operators see the job's stuck items. */
    String name();

    /** The ids of up to {@code limit} items due at {@code asOf}, the most overdue first; read without locks. */
    List<String> due(Instant asOf, int limit);

    /**
     * Handles the item in the caller's transaction if it is still due at {@code asOf} and no other node holds it
     * (the implementation claims its row with {@code FOR UPDATE SKIP LOCKED} first); true when this call handled it.
     * Anything it throws rolls the item's transaction back and counts as a failed attempt.
     */
    boolean handle(String itemId, Instant asOf);

    /** Which items are due. */
    @FunctionalInterface
    interface Due {
        List<String> due(Instant asOf, int limit);
    }

    /** Handles one item, as {@link Job#handle}. */
    @FunctionalInterface
    interface Handler {
        boolean handle(String itemId, Instant asOf);
    }

    /** A job made of its name, its due query and its handler. */
    static Job of(String name, Due due, Handler handler) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> due(Instant asOf, int limit) {
                return due.due(asOf, limit);
            }

            @Override
            public boolean handle(String itemId, Instant asOf) {
                return handler.handle(itemId, asOf);
            }
        };
    }
}
