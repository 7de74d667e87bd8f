package org.techmarket.listing.web;

import java.net.URI;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.listing.application.ListingLifecycle;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.ListingStatus;
import org.techmarket.listing.domain.MechanismType;
import org.techmarket.listing.web.ListingJson.CreateRequest;
import org.techmarket.listing.web.ListingJson.ListingView;
import org.techmarket.listing.web.ListingJson.ReasonRequest;
import org.techmarket.shared.Actor;
import org.techmarket.shared.PagedItems;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** Listings over HTTP: draft, submit, approve (which publishes), reject, withdraw, cancel, read and browse. */
@RestController
class ListingController {

    static final String LISTINGS = "/api/v1/listings";

    private final ListingLifecycle lifecycle;
    private final ListingReading reading;

    ListingController(ListingLifecycle lifecycle, ListingReading reading) {
        this.lifecycle = lifecycle;
        this.reading = reading;
    }

    @PostMapping(LISTINGS)
    ResponseEntity<ListingView> create(@AuthenticationPrincipal Actor actor, @RequestBody CreateRequest request) {
        Listing listing = lifecycle.draft(actor, required(request).toNewListing());
        return ResponseEntity.created(URI.create(LISTINGS + "/" + listing.id())).body(view(actor, listing));
    }

    @PostMapping(LISTINGS + "/{id}/submission")
    ListingView submit(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return view(actor, lifecycle.submit(actor, id));
    }

    @PostMapping(LISTINGS + "/{id}/approval")
    ListingView approve(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return view(actor, lifecycle.approve(actor, id));
    }

    @PostMapping(LISTINGS + "/{id}/rejection")
    ListingView reject(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) ReasonRequest request) {
        return view(actor, lifecycle.reject(actor, id, reason(request)));
    }

    @PostMapping(LISTINGS + "/{id}/withdrawal")
    ListingView withdraw(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return view(actor, lifecycle.withdraw(actor, id));
    }

    @PostMapping(LISTINGS + "/{id}/cancellation")
    ListingView cancel(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestBody(required = false) ReasonRequest request) {
        return view(actor, lifecycle.cancel(actor, id, reason(request)));
    }

    @GetMapping(LISTINGS + "/{id}")
    ListingView get(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        return ListingView.of(reading.get(actor, id));
    }

    @GetMapping(LISTINGS)
    PagedItems<ListingView> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam Optional<ListingStatus> status,
            @RequestParam Optional<String> industry,
            @RequestParam Optional<MechanismType> mechanism,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var page = reading.catalogue(actor, status, industry, mechanism, cursor, limit)
                .map(ListingView::of);
        return PagedItems.of(page);
    }

    private ListingView view(Actor actor, Listing listing) {
        return ListingView.of(reading.get(actor, listing.id()));
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }

    static <T> T required(T body) {
        if (body == null) {
            throw Rejection.invalid(SharedCodes.MALFORMED_JSON, "body", "a JSON object is required");
        }
        return body;
    }
}
