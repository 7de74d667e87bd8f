package org.techmarket.operations.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.operations.OperationsCodes;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.StuckItem;

/**
 * The background items waiting for an operator: operators and regulators read them, an operator releases one for
 * another attempt at its job's next run (audited as {@code StuckItemReleased}).
 */
@Service
public class StuckWork {

    private final BackgroundJobs jobs;
    private final AuditLog audit;
    private final Clock clock;

    StuckWork(BackgroundJobs jobs, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every item waiting for an operator, longest waiting first. */
    public List<StuckItem> list(Actor actor) {
        actor.requireMarketReader();
        return jobs.stuck();
    }

    /** As {@link #list(Actor)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<StuckItem>> list(Actor actor, ReadsTogether.Batch batch) {
        actor.requireMarketReader();
        return jobs.stuck(batch);
    }

    /** Releases the item for one more attempt; one more failure leaves it waiting again. */
    @Transactional
    public StuckItem retry(Actor actor, String job, String itemId) {
        actor.requireOperator();
        StuckItem released = jobs.release(job, itemId, clock.instant())
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        OperationsCodes.STUCK_ITEM_NOT_FOUND,
                        "No item " + itemId + " of job " + job + " is waiting for an operator"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("job", job);
        payload.put("itemId", itemId);
        payload.put("attempts", released.attempts());
        payload.put("lastError", released.lastError());
        audit.record(actor.auditName(), OperationsEvents.StuckItemReleased, "job:" + job + "/" + itemId, payload);
        return released;
    }
}
