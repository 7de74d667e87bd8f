package org.techmarket.shared.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.techmarket.shared.ReadsTogether;

/**
 * Background work that keeps its own record of what it gave up on (module event delivery does, in the event
 * registry), shown to operators beside the jobs' stuck items and released the same way.
 */
public interface StuckElsewhere {

    /** The job name its items are listed under. */
    String job();

    /** Its items waiting for an operator. */
    List<StuckItem> stuck();

    /** As {@link #stuck()}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<List<StuckItem>> stuck(ReadsTogether.Batch batch);

    /** Lets the item be tried once more; empty when it is not waiting for an operator. */
    Optional<StuckItem> release(String itemId, Instant at);
}
