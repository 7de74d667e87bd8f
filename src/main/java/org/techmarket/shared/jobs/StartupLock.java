package org.techmarket.shared.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Start-up work that creates rows every node shares (the default venue, the first operator, the demo market) is done
 * by one node at a time: it takes this transaction-scoped PostgreSQL advisory lock first, so that a node starting
 * beside another waits until the other's work has committed, then finds its rows instead of creating them twice.
 */
@Component
public class StartupLock {

    // An arbitrary key of the market's own; advisory locks are per database.
    private static final long KEY = 0x746d5f7374617274L;

    private final JdbcClient jdbc;

    StartupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for and holds the lock until the caller's transaction ends; call it first in that transaction. */
    public void holdUntilCommit() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY).query().listOfRows();
    }
}
