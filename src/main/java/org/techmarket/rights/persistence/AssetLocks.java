package org.techmarket.rights.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises changes to one asset's rights across every application node: a PostgreSQL advisory lock,
 * held until the calling transaction ends, keyed by the asset id. Checking a grant and storing it under this
 * lock makes the pair atomic, so two conflicting grants can never both pass the check. Two assets whose ids
 * hash alike merely wait for each other.
 *
 * <p>Every change takes the lock alone ({@link #lock}) but one: a non-exclusive licence, which conflicts with no other
 * non-exclusive licence, takes it shared ({@link #share}), so such licences on one asset are checked and stored side by
 * side while anything that could conflict with them, or change what their check reads (an exclusive or sole licence,
 * an assignment, a pledge, a declaration, a termination), still waits for all of them to end and they for it.
 */
@Repository
public class AssetLocks {

    /** The first key of the two-key advisory lock, so that rights locks never collide with other modules' locks. */
    private static final int RIGHTS_LOCK_SPACE = 0x52494748; // "RIGH"

    /** The first key of a cause's lock ("RCAU"): a cause records one grant, so two sharers of an asset with one wait. */
    private static final int CAUSE_LOCK_SPACE = 0x52434155;

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

    /**
     * Waits until no transaction holds the asset's lock alone, then holds it, shared with other sharers, until this
     * transaction ends; with a cause, first the cause's own lock alone, in the same statement, so that two sharers
     * recording the same cause take turns and the second finds the first's grant instead of a duplicate key. Causes
     * are locked before assets and only by sharers, so the order is the same for every transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void share(String assetId, Optional<String> causeId) {
        if (causeId.isPresent()) {
            jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?)), pg_advisory_xact_lock_shared(?, hashtext(?))")
                    .params(CAUSE_LOCK_SPACE, causeId.get(), RIGHTS_LOCK_SPACE, assetId)
                    .query(rs -> {});
        } else {
            jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))")
                    .params(RIGHTS_LOCK_SPACE, assetId)
                    .query(rs -> {});
        }
    }
}
