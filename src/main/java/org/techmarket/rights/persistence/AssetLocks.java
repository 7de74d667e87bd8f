package org.techmarket.rights.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises changes to one asset's rights across every application node: a PostgreSQL advisory lock,
 * held until the calling transaction ends, keyed by the asset id. Checking a grant and storing it under this
 * lock makes the pair atomic, so two conflicting grants can never both pass the check. Two assets whose ids
 * hash alike merely wait for each other.
 */
@Repository
public class AssetLocks {

    /** The first key of the two-key advisory lock, so that rights locks never collide with other modules' locks. */
    private static final int RIGHTS_LOCK_SPACE = 0x52494748; // "RIGH"

    private final JdbcClient jdbc;

    AssetLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds the asset's lock, then holds it until this transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String assetId) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(RIGHTS_LOCK_SPACE, assetId)
                .query(rs -> {});
    }
}
