package org.techmarket.listing.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.web.ListingJson.ListingView;
import org.techmarket.shared.Actor;

/**
 * Live updates of one listing as Server-Sent Events: {@code snapshot} first, then {@code price} (a new price or
 * bid), {@code extension} (the end moved), {@code status} and finally {@code close}. Each stream polls the listing's
 * stored version (one indexed read) and sends only on change, so a bid taken on any node reaches every subscriber
 * of every node without an in-memory fan-out that other nodes could not see.
 */
@RestController
class ListingEventsController {

    private final ListingReading reading;
    private final Duration pollInterval;
    private final Duration timeout;
    private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "listing-events");
        thread.setDaemon(true);
        return thread;
    });

    ListingEventsController(
            ListingReading reading,
            @Value("${techmarket.listing.events-poll-interval:PT0.5S}") Duration pollInterval,
            @Value("${techmarket.listing.events-timeout:PT30M}") Duration timeout) {
        this.reading = reading;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @GetMapping(value = ListingController.LISTINGS + "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Actor actor, @PathVariable String id) throws IOException {
        ListingView first = ListingView.of(reading.get(actor, id));
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.send(SseEmitter.event().name("snapshot").data(first, MediaType.APPLICATION_JSON));
        if (isFinal(first)) {
            emitter.send(SseEmitter.event().name("close").data(first, MediaType.APPLICATION_JSON));
            emitter.complete();
            return emitter;
        }
        AtomicReference<ListingView> last = new AtomicReference<>(first);
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
                () -> poll(actor, id, emitter, last, stop),
                pollInterval.toMillis(),
                pollInterval.toMillis(),
                TimeUnit.MILLISECONDS));
        return emitter;
    }

    private void poll(Actor actor, String id, SseEmitter emitter, AtomicReference<ListingView> last, Runnable stop) {
        try {
            if (reading.version(actor, id) == last.get().version()) {
                return;
            }
            ListingView before = last.get();
            ListingView now = ListingView.of(reading.get(actor, id));
            last.set(now);
            if (!Objects.equals(before.endsAt(), now.endsAt())) {
                emitter.send(SseEmitter.event().name("extension").data(now, MediaType.APPLICATION_JSON));
            }
            if (!Objects.equals(before.currentPrice(), now.currentPrice())
                    || !Objects.equals(before.bidCount(), now.bidCount())) {
                emitter.send(SseEmitter.event().name("price").data(now, MediaType.APPLICATION_JSON));
            }
            if (!before.status().equals(now.status())) {
                emitter.send(SseEmitter.event()
                        .name(isFinal(now) ? "close" : "status")
                        .data(now, MediaType.APPLICATION_JSON));
            }
            if (isFinal(now)) {
                stop.run();
                emitter.complete();
            }
        } catch (IOException | RuntimeException gone) {
            // The client left or the listing became invisible; end this stream only.
            stop.run();
            emitter.completeWithError(gone);
        }
    }

    private static boolean isFinal(ListingView view) {
        return switch (view.status()) {
            case "AWARDED", "UNSOLD", "WITHDRAWN", "CANCELLED", "REJECTED" -> true;
            default -> false;
        };
    }

    @PreDestroy
    void shutDown() {
        pollers.shutdownNow();
    }
}
