package org.techmarket.outbound.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.techmarket.audit.AuditLog;
import org.techmarket.outbound.PublicEventsCommitted.OutboundMessage;
import org.techmarket.outbound.domain.PublicEvent;
import org.techmarket.outbound.domain.PublicMessage;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.IdGenerator;

/**
 * The market's audit log, which also gathers the public events among the entries a transaction records. Every state
 * change records its events in the log, in its own transaction and order, so the log's entries are the one place
 * where all of them pass; the ones that go out are collected and published together as the transaction commits
 * ({@link OutboundBatch}) and handed to the {@link OutboundSender} as it has committed.
 */
public class PublishingAuditLog implements AuditLog {

    private final AuditLog log;
    private final ApplicationEventPublisher events;
    private final OutboundSender sender;
    private final IdGenerator ids;
    private final Clock clock;
    private final String topicPrefix;

    public PublishingAuditLog(
            AuditLog log,
            ApplicationEventPublisher events,
            OutboundSender sender,
            IdGenerator ids,
            Clock clock,
            String topicPrefix) {
        this.log = log;
        this.events = events;
        this.sender = sender;
        this.ids = ids;
        this.clock = clock;
        this.topicPrefix = topicPrefix;
    }

    @Override
    public void record(String actor, String type, String subject, Map<String, ?> payload) {
        log.record(actor, type, subject, payload);
        gather(type, subject, payload);
    }

    @Override
    public void recordAll(List<Entry> entries) {
        log.recordAll(entries);
        entries.forEach(e -> gather(e.type(), e.subject(), e.payload()));
    }

    // gathered as it is called, not when the log appends it, so that it joins the batch in the order of the calls
    @Override
    public void recordAtCommit(Entry entry) {
        log.recordAtCommit(entry);
        gather(entry.type(), entry.subject(), entry.payload());
    }

    // gathered already, as each was recorded
    @Override
    public Optional<Appending> takeHeldBack() {
        return log.takeHeldBack();
    }

    private void gather(String type, String subject, Map<String, ?> payload) {
        PublicEvent.ofType(type)
                .flatMap(event -> PublicMessage.of(
                        event,
                        topicPrefix,
                        ids.newId(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        subject,
                        payload))
                .ifPresent(message -> OutboundBatch.current(events, sender, ids::newId)
                        .add(new OutboundMessage(
                                message.topic(), message.key(), CanonicalJson.write(message.envelope()))));
    }
}
