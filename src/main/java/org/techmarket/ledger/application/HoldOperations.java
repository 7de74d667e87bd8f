package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.HoldRules;
import org.techmarket.ledger.persistence.Holds;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Places, captures, releases and expires holds inside the caller's transaction. The hold's row is locked before
 * its accounts, everywhere, so hold operations and the expiry job never wait on each other in a circle.
 */
@Component
class HoldOperations {

    private final Holds holds;
    private final Postings postings;
    private final LedgerAudit audit;
    private final IdGenerator ids;
    private final Clock clock;

    HoldOperations(Holds holds, Postings postings, LedgerAudit audit, IdGenerator ids, Clock clock) {
        this.holds = holds;
        this.postings = postings;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    Hold place(String actor, HoldRequest request) {
        return apply(actor, HoldRules.place(ids.newId(), request, LedgerTime.now(clock)), true);
    }

    /** Captures to any account but HELD, including BANK: callers decide which destinations they allow. */
    Hold capture(String actor, String holdId, Money amount, AccountId destination) {
        return apply(actor, HoldRules.capture(lock(holdId), amount, destination, LedgerTime.now(clock)), false);
    }

    /**
     * Captures, releases the rest when asked and there is any, and posts {@code then}, in one batch: the hold's steps
     * are recorded as a capture and a release would record them, {@code then} as a transfer batch would.
     */
    Hold captureAndPost(
            String actor,
            String holdId,
            Money amount,
            AccountId destination,
            boolean releaseRest,
            List<TransferRequest> then) {
        Instant now = LedgerTime.now(clock);
        List<HoldRules.Step> steps = new ArrayList<>();
        steps.add(HoldRules.capture(lock(holdId), amount, destination, now));
        Hold captured = steps.get(0).hold();
        if (releaseRest && captured.remaining().isPositive()) {
            steps.add(HoldRules.release(captured, now));
        }
        List<TransferRequest> batch = new ArrayList<>();
        steps.forEach(step -> batch.add(step.transfer()));
        batch.addAll(then);
        Hold left = steps.get(steps.size() - 1).hold();
        // the hold as the steps leave it is updated by the posting's own statement
        List<Transfer> fresh =
                postings.post(actor, batch, Optional.of(Holds.changing(left))).fresh();
        for (int i = 0; i < steps.size(); i++) {
            HoldRules.Step step = steps.get(i);
            audit.record(actor, step.event(), "hold:" + left.id(), payload(step.hold(), fresh.get(i)));
        }
        audit.recordTransfers(actor, fresh.subList(steps.size(), fresh.size()));
        return left;
    }

    Hold release(String actor, String holdId) {
        return apply(actor, HoldRules.release(lock(holdId), LedgerTime.now(clock)), false);
    }

    /** Expires the hold if it is still active; the caller has claimed it, so no one else is changing it. */
    Hold expire(String actor, Hold claimed, Instant asOf) {
        return apply(actor, HoldRules.expire(claimed, asOf), false);
    }

    Optional<Hold> find(String holdId) {
        return holds.find(holdId);
    }

    private Hold lock(String holdId) {
        return holds.lock(holdId).orElseThrow(() -> Rejection.notFound("Hold", holdId));
    }

    private Hold apply(String actor, HoldRules.Step step, boolean placed) {
        // the hold is inserted (placed) or updated (captured, released, expired) by the posting's own statement
        Transfer transfer = postings.post(
                        actor,
                        List.of(step.transfer()),
                        Optional.of(placed ? Holds.placing(step.hold()) : Holds.changing(step.hold())))
                .transfers()
                .get(0);
        audit.record(actor, step.event(), "hold:" + step.hold().id(), payload(step.hold(), transfer));
        return step.hold();
    }

    private static Map<String, Object> payload(Hold hold, Transfer transfer) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", hold.organizationId());
        payload.put("purpose", hold.purpose());
        payload.put("cause", hold.cause());
        payload.put("status", hold.status().name());
        payload.put("moved", transfer.amount());
        payload.put("to", transfer.to().key());
        payload.put("remaining", hold.remaining());
        payload.put("transferId", transfer.id());
        return payload;
    }
}
