package org.techmarket.deal.application;

import java.util.LinkedHashMap;
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

    /** Records that {@code actor} did {@code event}, leaving the deal as it now stands. */
    void record(String actor, Deal deal, DealEvent event) {
        Class<? extends Record> type = event.getClass().asSubclass(Record.class);
        history.append(deal.id(), new DealHistory.Step(deal.status(), AuditLog.typeOf(type), actor, event.at()));
        Map<String, Object> payload = new LinkedHashMap<>(event.details());
        payload.put("status", deal.status().name());
        audit.record(actor, type, "deal:" + deal.id(), payload);
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
