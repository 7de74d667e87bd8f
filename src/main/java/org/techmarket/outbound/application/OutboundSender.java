package org.techmarket.outbound.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.techmarket.outbound.PublicEventsCommitted;
import org.techmarket.outbound.PublicEventsCommitted.OutboundMessage;

/**
 * Hands the committed batches to the broker's client on one thread, in the order their transactions committed. Two
 * transactions on one listing or deal commit one after the other (each locks what it changes), and each hands its
 * batch over as it commits, on its own thread; the module-event workers that deliver publications later may run in
 * any order, so the sending does not wait for them. A delivery then only waits for its batch's send to be
 * acknowledged, which marks its publication complete; a batch the registry delivers again (after a failure or a
 * restart) is sent anew, behind the ones already handed over.
 */
public class OutboundSender implements AutoCloseable {

    /** Sends one message; the future completes when the broker has acknowledged it. */
    public interface Transport {
        CompletableFuture<?> send(OutboundMessage message);
    }

    private final Transport transport;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbound-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Object>> handedOver = new ConcurrentHashMap<>();

    public OutboundSender(Transport transport) {
        this.transport = transport;
    }

    /**
     * Notes a batch about to commit; its delivery will wait for the send that its commit starts, which completes the
     * returned future.
     */
    CompletableFuture<Object> expect(String batchId) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        handedOver.put(batchId, done);
        return done;
    }

    /** The transaction did not commit: nothing will be sent or delivered for the batch. */
    void forget(String batchId) {
        handedOver.remove(batchId);
    }

    /** Hands over a committed batch, behind those committed before it, and completes {@code done} with its send. */
    void committed(PublicEventsCommitted batch, CompletableFuture<Object> done) {
        send(batch.messages()).whenComplete((ok, failure) -> {
            if (failure == null) {
                done.complete(ok);
            } else {
                handedOver.remove(batch.batchId(), done); // a delivery made again sends anew
                done.completeExceptionally(failure);
            }
        });
    }

    /**
     * What delivering the batch's publication waits for: the send its commit started, or, for a batch delivered again,
     * a new send.
     */
    public CompletableFuture<?> deliver(PublicEventsCommitted batch) {
        CompletableFuture<Object> started = handedOver.remove(batch.batchId());
        return started != null ? started : send(batch.messages());
    }

    private CompletableFuture<Object> send(List<OutboundMessage> messages) {
        CompletableFuture<Object> sent = new CompletableFuture<>();
        sending.execute(() -> {
            try {
                CompletableFuture<?>[] sends =
                        messages.stream().map(transport::send).toArray(CompletableFuture<?>[]::new);
                CompletableFuture.allOf(sends).whenComplete((ok, failure) -> {
                    if (failure == null) {
                        sent.complete(messages.size());
                    } else {
                        sent.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        });
        return sent;
    }

    @Override
    public void close() throws InterruptedException {
        sending.shutdown();
        sending.awaitTermination(10, TimeUnit.SECONDS);
    }
}
