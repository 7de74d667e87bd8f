package org.techmarket.listing.web;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.web.ListingJson.ListingView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.VersionStreams;

/**
 * Live updates of one listing as Server-Sent Events: {@code snapshot} first, then {@code price} (a new price or
 * bid), {@code extension} (the end moved), {@code status} and finally {@code close}. Each stream polls the listing's
 * stored version ({@link VersionStreams}) and sends only on change, so a bid taken on any node reaches every
 * subscriber of every node.
 */
@RestController
class ListingEventsController {

    private final ListingReading reading;
    private final VersionStreams streams;

    ListingEventsController(ListingReading reading, VersionStreams streams) {
        this.reading = reading;
        this.streams = streams;
    }

    @GetMapping(value = ListingController.LISTINGS + "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Actor actor, @PathVariable String id) throws IOException {
        ListingView first = ListingView.of(reading.get(actor, id));
        SseEmitter emitter = streams.open();
        emitter.send(SseEmitter.event().name("snapshot").data(first, MediaType.APPLICATION_JSON));
        if (isFinal(first)) {
            emitter.send(SseEmitter.event().name("close").data(first, MediaType.APPLICATION_JSON));
            emitter.complete();
            return emitter;
        }
        AtomicReference<ListingView> last = new AtomicReference<>(first);
        streams.follow(emitter, first.version(), () -> reading.version(actor, id), stream -> {
            ListingView before = last.get();
            ListingView now = ListingView.of(reading.get(actor, id));
            last.set(now);
            if (!Objects.equals(before.endsAt(), now.endsAt())) {
                stream.send(SseEmitter.event().name("extension").data(now, MediaType.APPLICATION_JSON));
            }
            if (!Objects.equals(before.currentPrice(), now.currentPrice())
                    || !Objects.equals(before.bidCount(), now.bidCount())) {
                stream.send(SseEmitter.event().name("price").data(now, MediaType.APPLICATION_JSON));
            }
            if (!before.status().equals(now.status())) {
                stream.send(SseEmitter.event()
                        .name(isFinal(now) ? "close" : "status")
                        .data(now, MediaType.APPLICATION_JSON));
            }
            return isFinal(now);
        });
        return emitter;
    }

    private static boolean isFinal(ListingView view) {
        return switch (view.status()) {
            case "AWARDED", "UNSOLD", "WITHDRAWN", "CANCELLED", "REJECTED" -> true;
            default -> false;
        };
    }
}
