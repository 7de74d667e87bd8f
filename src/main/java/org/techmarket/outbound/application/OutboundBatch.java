package org.techmarket.outbound.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.outbound.PublicEventsCommitted;
import org.techmarket.outbound.PublicEventsCommitted.OutboundMessage;

/**
 * The public events of the running transaction, in the order it recorded them. Just before the transaction commits
 * they are published as one {@link PublicEventsCommitted}, which the event publication registry stores in that same
 * transaction: they go out if and only if it commits, all in one delivery, in their order. Once it has committed,
 * the batch is handed to the {@link OutboundSender} at once, on the committing thread, so that batches reach the
 * broker in the order their transactions committed.
 */
final class OutboundBatch implements TransactionSynchronization {

    private final ApplicationEventPublisher events;
    private final OutboundSender sender;
    private final String batchId;
    private final List<OutboundMessage> messages = new ArrayList<>();
    private PublicEventsCommitted published;
    private CompletableFuture<Object> sent;

    private OutboundBatch(ApplicationEventPublisher events, OutboundSender sender, String batchId) {
        this.events = events;
        this.sender = sender;
        this.batchId = batchId;
    }

    /** The running transaction's batch, begun with its first public event. */
    static OutboundBatch current(ApplicationEventPublisher events, OutboundSender sender, Supplier<String> newBatchId) {
        OutboundBatch batch = (OutboundBatch) TransactionSynchronizationManager.getResource(OutboundBatch.class);
        if (batch == null) {
            batch = new OutboundBatch(events, sender, newBatchId.get());
            TransactionSynchronizationManager.bindResource(OutboundBatch.class, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    void add(OutboundMessage message) {
        messages.add(message);
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(OutboundBatch.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(OutboundBatch.class, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        published = new PublicEventsCommitted(batchId, messages);
        sent = sender.expect(batchId);
        events.publishEvent(published);
    }

    @Override
    public void afterCommit() {
        sender.committed(published, sent);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(OutboundBatch.class);
        if (status != STATUS_COMMITTED && published != null) {
            sender.forget(batchId);
        }
    }
}
