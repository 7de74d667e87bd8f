package org.techmarket.deal.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.deal.application.Negotiating;
import org.techmarket.deal.application.OfferBoard;
import org.techmarket.deal.domain.Offer;
import org.techmarket.shared.Actor;
import org.techmarket.shared.DateRules;
import org.techmarket.shared.Money;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Negotiation over HTTP: offers on a NEGOTIATION listing, counters, acceptances and rejections. */
@RestController
class OfferController {

    private final Negotiating negotiating;
    private final OfferBoard board;
    private final DateRules dates;

    OfferController(Negotiating negotiating, OfferBoard board, DateRules dates) {
        this.negotiating = negotiating;
        this.board = board;
        this.dates = dates;
    }

    /** One negotiation of the caller's organization: its newest offer, both sides' latest prices, what waits. */
    record NegotiationView(
            String offerId,
            String listingId,
            String listingTitle,
            String side,
            int round,
            Money mine,
            Money theirs,
            String status,
            Instant deadline,
            List<String> waiting) {

        static NegotiationView of(OfferBoard.Negotiation n) {
            return new NegotiationView(
                    n.latest().id(),
                    n.latest().listingId(),
                    n.listingTitle(),
                    n.buying() ? "BUYER" : "SELLER",
                    n.latest().round(),
                    n.mine().orElse(null),
                    n.theirs().orElse(null),
                    n.status().name(),
                    n.latest().deadline(),
                    n.waiting().stream().map(Enum::name).toList());
        }
    }

    /** The caller's organization's negotiations as buyer or seller, newest first ({@code party=me} only). */
    @GetMapping("/api/v1/offers")
    PagedItems<NegotiationView> mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "me") String party,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Actor.requireMe(party, "party");
        var page = board.of(actor, cursor, limit).map(NegotiationView::of);
        return PagedItems.of(page);
    }

    @PostMapping("/api/v1/listings/{id}/offers")
    ResponseEntity<OfferJson.View> make(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) OfferJson.Request request) {
        OfferJson.Request body = required(request);
        Offer offer = negotiating.make(actor, id, scope -> body.terms(dates, scope), body.deadlineOrRefuse());
        return created(offer);
    }

    @PostMapping("/api/v1/offers/{id}/counter")
    ResponseEntity<OfferJson.View> counter(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) OfferJson.Request request) {
        OfferJson.Request body = required(request);
        return created(negotiating
                .counter(actor, id, scope -> body.terms(dates, scope), body.deadlineOrRefuse())
                .counter());
    }

    @PostMapping("/api/v1/offers/{id}/acceptance")
    OfferJson.View accept(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return OfferJson.View.of(negotiating.accept(actor, id));
    }

    @PostMapping("/api/v1/offers/{id}/withdrawal")
    OfferJson.View withdraw(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return OfferJson.View.of(negotiating.withdraw(actor, id));
    }

    @PostMapping("/api/v1/offers/{id}/rejection")
    OfferJson.View decline(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return OfferJson.View.of(negotiating.decline(actor, id));
    }

    @GetMapping("/api/v1/offers/{id}")
    OfferJson.View get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return OfferJson.View.of(negotiating.get(actor, id));
    }

    @GetMapping("/api/v1/listings/{id}/offers")
    List<OfferJson.View> ofListing(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return negotiating.ofListing(actor, id).stream().map(OfferJson.View::of).toList();
    }

    private static ResponseEntity<OfferJson.View> created(Offer offer) {
        return ResponseEntity.created(URI.create("/api/v1/offers/" + offer.id()))
                .body(OfferJson.View.of(offer));
    }

    private static OfferJson.Request required(OfferJson.Request request) {
        if (request == null) {
            throw Rejection.invalid(
                    SharedCodes.MALFORMED_JSON,
                    "body",
                    "a JSON object with price, paymentTerms, scope and deadline is required");
        }
        return request;
    }
}
