package org.techmarket.shared;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams that follow a stored version: each stream reads the version (one indexed read) every
 * poll interval and, when it has moved, lets its owner send what changed. A change made on any node therefore
 * reaches the subscribers of every node, with no fan-out held in memory that other nodes could not see (ADR 0041).
 */
@Component
public class VersionStreams {

    /** What a stream sends when the version has moved; answers whether the stream is finished. */
    @FunctionalInterface
    public interface OnChange {
        boolean send(SseEmitter emitter) throws IOException;
    }

    private final Duration pollInterval;
    private final Duration timeout;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "version-streams");
        thread.setDaemon(true);
        return thread;
    });

    VersionStreams(
            @Value("${techmarket.listing.events-poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${techmarket.listing.events-timeout:PT30M}") Duration timeout) {
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** A new stream, which times out after the configured time. */
    public SseEmitter open() {
        return new SseEmitter(timeout.toMillis());
    }

    /**
     * Polls {@code version} from {@code seen} on; on each move calls {@code onChange}, and completes the stream when
     * it answers finished. A failure (the client left, the subject became invisible) ends this stream only.
     */
    public void follow(SseEmitter emitter, long seen, LongSupplier version, OnChange onChange) {
        AtomicLong last = new AtomicLong(seen);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        task.set(pollers.scheduleWithFixedDelay(
                () -> {
                    try {
                        long now = version.getAsLong();
                        if (now == last.get()) {
                            return;
                        }
                        last.set(now);
                        if (onChange.send(emitter)) {
                            stop.run();
                            emitter.complete();
                        }
                    } catch (IOException | RuntimeException gone) {
                        stop.run();
                        emitter.completeWithError(gone);
                    }
                },
                pollInterval.toMillis(),
                pollInterval.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void shutDown() {
        pollers.shutdownNow();
    }
}
