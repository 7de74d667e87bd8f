package org.techmarket.deal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.DealMilestone;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealEvent;
import org.techmarket.deal.persistence.DealHistory;

/**
 * Writes a deal's events to its history and the audit log together, in the transaction that changed the deal, and
 * publishes them; each is recorded under its record's name with the status the deal was left in. A completion or a
 * registration is also published as a {@link DealMilestone} for the other modules.
 */
@Component
class DealJournal {

    private final DealHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;

    DealJournal(DealHistory history, AuditLog audit, ApplicationEventPublisher publisher) {
        this.history = history;
        this.audit = audit;
        this.publisher = publisher;
    }

    /** Records that {@code actor} made the deal's step, each of its events in order. */
    void record(String actor, Deal.Moved step) {
        step.events().forEach(event -> record(actor, step.deal(), event));
    }

    /**
     * Records the steps as {@link #record(String, Deal.Moved)} does each, their history and their audit events (after
     * those the transaction held back before them, a settlement step's ledger moves') in one statement, in the same
     * order; an event of the transaction recorded after them is held back to be appended with its next or last events.
     */
    void recordAtCommit(String actor, Deal.Moved... steps) {
        List<DealHistory.Step> rows = new ArrayList<>();
        for (Deal.Moved step : steps) {
            step.events().forEach(event -> {
                rows.add(historyStep(actor, step.deal(), event));
                audit.recordAtCommit(new AuditLog.Entry(
                        actor,
                        AuditLog.typeOf(typeOf(event)),
                        "deal:" + step.deal().id(),
                        payload(step.deal(), event)));
            });
        }
        if (rows.isEmpty()) {
            return;
        }
        history.appendAll(steps[0].deal().id(), rows, audit.takeHeldBack());
        for (Deal.Moved step : steps) {
            step.events().forEach(event -> publish(step.deal(), event));
        }
    }

    /** Records that {@code actor} did {@code event}, leaving the deal as it now stands. */
    void record(String actor, Deal deal, DealEvent event) {
        history.append(deal.id(), historyStep(actor, deal, event));
        audit.record(actor, typeOf(event), "deal:" + deal.id(), payload(deal, event));
        publish(deal, event);
    }

    private static Class<? extends Record> typeOf(DealEvent event) {
        return event.getClass().asSubclass(Record.class);
    }

    private static DealHistory.Step historyStep(String actor, Deal deal, DealEvent event) {
        return new DealHistory.Step(deal.status(), AuditLog.typeOf(typeOf(event)), actor, event.at());
    }

    private static Map<String, Object> payload(Deal deal, DealEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>(event.details());
        payload.put("status", deal.status().name());
        return payload;
    }

    private void publish(Deal deal, DealEvent event) {
        publisher.publishEvent(event);
        milestone(deal, event).ifPresent(publisher::publishEvent);
        publisher.publishEvent(step(deal, event));
    }

    /** The step {@code event} is, as the other modules hear of it. */
    static DealStepTaken step(Deal deal, DealEvent event) {
        Optional<String> by = event instanceof DealEvent.ContractSigned signed
                ? Optional.of(signed.organizationId())
                : Optional.empty();
        return new DealStepTaken(
                deal.id(),
                deal.venueId(),
                AuditLog.typeOf(event.getClass().asSubclass(Record.class)),
                deal.status().name(),
                deal.seller().organizationId(),
                deal.buyer().organizationId(),
                by,
                deal.listingId(),
                event.at());
    }

    /** The milestone the market's statistics count that {@code event} marks, if any. */
    static Optional<DealMilestone> milestone(Deal deal, DealEvent event) {
        Optional<DealMilestone.Stage> stage = Optional.empty();
        if (event instanceof DealEvent.DealCompleted) {
            stage = Optional.of(DealMilestone.Stage.COMPLETED);
        } else if (event instanceof DealEvent.ContractRegistered) {
            stage = Optional.of(DealMilestone.Stage.REGISTERED);
        }
        return stage.map(s -> new DealMilestone(
                deal.id(),
                s,
                deal.listingId(),
                deal.mechanism(),
                deal.contractType().name(),
                deal.seller().regionCode(),
                deal.buyer().regionCode(),
                deal.price(),
                deal.assets().stream().map(ContractAsset::assetId).toList(),
                event.at()));
    }
}
