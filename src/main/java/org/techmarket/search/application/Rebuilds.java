package org.techmarket.search.application;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.shared.Actor;

/**
 * An operator's request to rebuild this node's index: recorded in the audit log and run in the background, while
 * searches answer from the index in use until the new one replaces it. One rebuild at a time per node.
 */
@Service
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final Indexing indexing;
    private final AuditLog audit;
    private final AtomicBoolean running = new AtomicBoolean();

    Rebuilds(Indexing indexing, AuditLog audit) {
        this.indexing = indexing;
        this.audit = audit;
    }

    /** Starts a rebuild unless one is running; true when this call started it. */
    @Transactional
    public boolean request(Actor actor) {
        actor.requireOperator();
        audit.record(actor.auditName(), SearchEvents.SearchRebuildRequested, "search-index", Map.of());
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread rebuild = new Thread(
                () -> {
                    try {
                        indexing.rebuild();
                    } catch (RuntimeException e) {
                        log.error("The search index could not be rebuilt; the one in use stays", e);
                    } finally {
                        running.set(false);
                    }
                },
                "search-rebuild");
        rebuild.setDaemon(true);
        rebuild.start();
        return true;
    }

    public boolean running() {
        return running.get();
    }
}
