package org.techmarket.listing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.listing.application.Bidding;
import org.techmarket.listing.application.ListingReading;
import org.techmarket.listing.web.ListingJson.BidAccepted;
import org.techmarket.listing.web.ListingJson.BidPage;
import org.techmarket.listing.web.ListingJson.BidRequest;
import org.techmarket.listing.web.ListingJson.BidView;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Idempotency;
import org.techmarket.shared.Idempotency.IdempotentRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.PagedItems;

/**
 * Bids, Dutch acceptances and fixed-price purchases over HTTP, each honouring {@code Idempotency-Key} (a retry gets
 * the first answer and places nothing more), and the bid history.
 */
@RestController
class BidController {

    private static final String LISTING = ListingController.LISTINGS + "/{id}";

    private final Bidding bidding;
    private final ListingReading reading;
    private final Idempotency idempotency;

    BidController(Bidding bidding, ListingReading reading, Idempotency idempotency) {
        this.bidding = bidding;
        this.reading = reading;
        this.idempotency = idempotency;
    }

    @PostMapping(LISTING + "/bids")
    ResponseEntity<?> bid(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @RequestBody BidRequest request) {
        BidRequest body = ListingController.required(request);
        if (key == null) {
            // Nothing to store for a replay, so the bid may share its commit with the others on the listing.
            return created(id, bidding.placeBidWithOthers(actor, id, body.amount(), body.maxAmount()));
        }
        return idempotency.execute(
                IdempotentRequest.post(actor, key, path(id, "bids"), body),
                () -> created(id, bidding.placeBid(actor, id, body.amount(), body.maxAmount())));
    }

    @PostMapping(LISTING + "/acceptance")
    ResponseEntity<String> accept(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute(
                IdempotentRequest.post(actor, key, path(id, "acceptance"), null),
                () -> created(id, bidding.accept(actor, id)));
    }

    @PostMapping(LISTING + "/purchase")
    ResponseEntity<String> purchase(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.execute(
                IdempotentRequest.post(actor, key, path(id, "purchase"), null),
                () -> created(id, bidding.purchase(actor, id)));
    }

    @GetMapping(LISTING + "/bids")
    BidPage bids(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(required = false) Integer limit) {
        List<BidView> items =
                reading.bids(actor, id, after, limit).stream().map(BidView::of).toList();
        int size = limit == null ? org.techmarket.shared.Cursor.DEFAULT_LIMIT : limit;
        return new BidPage(
                items, items.size() == size ? items.get(items.size() - 1).sequence() : null);
    }

    /** One listing the caller's organization has bid on; {@code maximum} is its own proxy limit, shown only to it. */
    record MyBidView(
            String listingId,
            String title,
            String mechanism,
            String status,
            Money highestBid,
            Money maximum,
            Money currentPrice,
            String standing,
            Instant endsAt) {

        static MyBidView of(ListingReading.MyBid bid) {
            var listing = bid.seen().listing();
            var view = bid.seen().view();
            return new MyBidView(
                    listing.id(),
                    listing.title(),
                    listing.mechanism().type().name(),
                    listing.status().name(),
                    bid.highest(),
                    bid.maximum().orElse(null),
                    view.currentPrice().isPresent()
                            ? Money.of(view.currentPrice().getAsLong(), listing.currency())
                            : null,
                    bid.standing().name(),
                    view.endsAt());
        }
    }

    /** The listings the caller's organization has bid on, newest first ({@code bidder=me}: nobody else's bids). */
    @GetMapping("/api/v1/bids")
    PagedItems<MyBidView> myBids(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "me") String bidder,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Actor.requireMe(bidder, "bidder");
        var page = reading.bidsOf(actor, cursor, limit).map(MyBidView::of);
        return PagedItems.of(page);
    }

    private static ResponseEntity<?> created(String id, Bidding.Accepted accepted) {
        var view = accepted.view();
        Money price = view.currentPrice().isPresent()
                ? Money.of(view.currentPrice().getAsLong(), accepted.listing().currency())
                : null;
        return ResponseEntity.created(URI.create(path(id, "bids") + "/" + accepted.bidId()))
                .body(new BidAccepted(
                        accepted.bidId(),
                        accepted.leading(),
                        price,
                        view.endsAt(),
                        accepted.listing().status().name()));
    }

    private static String path(String id, String action) {
        return ListingController.LISTINGS + "/" + id + "/" + action;
    }
}
