package org.techmarket.web.listing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.techmarket.listing.Sale;
import org.techmarket.listing.Sales;
import org.techmarket.shared.Actor;
import org.techmarket.shared.VersionStreams;
import org.techmarket.web.base.Fmt;

/**
 * The sale page's live panel as Server-Sent Events of HTML: a {@code sale} event carrying the panel (price, minimum
 * bid, countdown, bid history) whenever the sale changes, which htmx's SSE extension swaps into the page. Each
 * stream follows the listing's version as the API's stream does ({@link VersionStreams}, ADR 0041), so a bid taken
 * on any node reaches the viewers of every node; a viewer's own bids are marked as theirs, nothing else private.
 */
@RestController
class SaleLive {

    static final String EVENT = "sale";

    private final Sales sales;
    private final SalePanels panels;
    private final VersionStreams streams;
    private final Fmt fmt;

    SaleLive(Sales sales, SalePanels panels, VersionStreams streams, Fmt fmt) {
        this.sales = sales;
        this.panels = panels;
        this.streams = streams;
        this.fmt = fmt;
    }

    @GetMapping(value = SalePage.PAGE + "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@AuthenticationPrincipal Actor actor, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        Optional<Actor> viewer = Optional.ofNullable(actor);
        Locale locale = RequestContextUtils.getLocale(request);
        ZoneId zone = fmt.zone();
        Sale first = sales.sale(viewer, id);
        SseEmitter emitter = streams.open();
        send(emitter, first, locale, zone);
        if (SalePanels.isFinal(first)) {
            emitter.complete();
            return emitter;
        }
        streams.follow(emitter, first.version(), () -> sales.version(id), stream -> {
            Sale now = sales.sale(viewer, id);
            send(stream, now, locale, zone);
            return SalePanels.isFinal(now);
        });
        return emitter;
    }

    private void send(SseEmitter emitter, Sale sale, Locale locale, ZoneId zone) throws IOException {
        emitter.send(SseEmitter.event()
                .name(EVENT)
                .id(Long.toString(sale.version()))
                .data(panels.render(sale, locale, zone)));
    }
}
