package org.techmarket.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where reads that may lag the market by a few seconds go (the statistics' read models, later search): the read
 * replica when one is configured ({@code techmarket.read-replica.url}) and has caught up to within
 * {@code techmarket.read-replica.max-lag}, otherwise the primary database. A read that must see what was just
 * committed uses the primary's {@code JdbcClient} instead.
 */
public interface ReadReplica {

    /** A client for one read that tolerates the lag: the replica's while it is fresh enough, else the primary's. */
    JdbcClient reads();

    /**
     * Whether {@link #reads()} answers with the primary's client now, so that such a read may join a batch of the
     * primary's reads ({@link ReadsTogether}).
     */
    default boolean readsPrimary() {
        return true;
    }
}
