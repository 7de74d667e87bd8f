package org.techmarket.outbound.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.techmarket.audit.AuditLog;
import org.techmarket.outbound.PublicEventsCommitted;
import org.techmarket.outbound.PublicEventsCommitted.OutboundMessage;
import org.techmarket.outbound.domain.PublicEvent;
import org.techmarket.outbound.domain.PublicMessage;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.GatheredAtCommit;
import org.techmarket.shared.IdGenerator;

/**
 * The market's audit log, which also gathers the public events among the entries a transaction records. Every state
 * change records its events in the log, in its own transaction and order, so the log's entries are the one place
 * where all of them pass; the ones that go out are gathered and published together as one
 * {@link PublicEventsCommitted} just before the transaction commits, which the event publication registry stores in
 * that same transaction: they go out if and only if it commits, all in one delivery, in their order. Once it has
 * committed, the batch is handed to the {@link OutboundSender} at once, on the committing thread, so that batches
 * reach the broker in the order their transactions committed.
 */
public class PublishingAuditLog implements AuditLog {

    /** The key under which a transaction gathers its public events, published together just before it commits. */
    private static final Object PUBLIC_EVENTS = new Object();

    /** The key under which a transaction keeps the batch it published, handed to the sender once it has committed. */
    private static final Object PUBLISHED = new Object();

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
                .ifPresent(message -> GatheredAtCommit.addAll(
                        PUBLIC_EVENTS,
                        Ordered.LOWEST_PRECEDENCE,
                        this::publish,
                        List.of(new OutboundMessage(
                                message.topic(), message.key(), CanonicalJson.write(message.envelope())))));
    }

    /**
     * Publishes the transaction's public events as one batch, in the transaction, and has the batch handed to the
     * sender once the transaction has committed: first of what runs then, so that nothing else after the commit holds
     * it up. A transaction that does not commit after all sends nothing, and the sender forgets the batch.
     */
    private void publish(List<OutboundMessage> messages) {
        PublicEventsCommitted batch = new PublicEventsCommitted(ids.newId(), messages);
        Published published = new Published(batch, sender.expect(batch.batchId()));
        GatheredAtCommit.addAllAfterCommit(
                PUBLISHED,
                Ordered.HIGHEST_PRECEDENCE,
                committed -> committed.forEach(p -> sender.committed(p.batch(), p.sent())),
                dropped -> dropped.forEach(p -> sender.forget(p.batch().batchId())),
                List.of(published));
        events.publishEvent(batch);
    }

    /** A batch published in a transaction, and the send that its commit starts. */
    private record Published(PublicEventsCommitted batch, CompletableFuture<Object> sent) {}
}
