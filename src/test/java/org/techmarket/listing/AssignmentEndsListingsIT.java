package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.lumpSumOffer;
import static org.techmarket.listing.Market.negotiation;
import static org.techmarket.listing.Market.now;
import static org.techmarket.support.IntegrationTest.ADMIN_TOKEN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.listing.application.AssignedListings;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Publications;

/**
 * When an asset changes hands, what its former owner still offered of it ends: its standing listings are cancelled
 * with the assignment as the reason (deposits back, watchers told, audited), the offers on them lapse, and its
 * open-licence declaration is withdrawn. The new owner's listings, the listing that sold the asset and a mere licence
 * are left alone, and delivering the assignment again changes nothing.
 */
class AssignmentEndsListingsIT extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssignedListings assignedListings;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private Market market;

    @BeforeEach
    void aMarket() {
        market = new Market(api, fixtures);
    }

    @Test
    void anAssignmentOverTheGrantsApiEndsTheAssignorsListingsOffersAndOpenLicence() throws Exception {
        Market.Seller seller = market.seller();
        String asset = seller.assetId();
        String auction = market.publish(
                seller,
                assignment(),
                Market.english("1000.00", "100.00", "50.00", now(), now().plus(Duration.ofHours(1))));
        Org bidder = market.bidder("500.00");
        assertThat(market.bid(bidder, auction, "1000.00").status()).isEqualTo(201);
        assertThat(market.balances(bidder)).containsExactly("450.00", "50.00");
        String negotiation = market.publish(seller, assignment(), negotiation());
        Org buyer = market.bidder("10.00");
        Api.Response offered =
                api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), lumpSumOffer("2000.00"));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        String offer = offered.text("id");
        Api.Response draft = market.draft(
                seller,
                assignment(),
                Market.english(
                        "1000.00", "100.00", "0.00", now().plus(Duration.ofDays(1)), now().plus(Duration.ofDays(2))));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        Api.Response declared = api.put(
                "/api/v1/assets/" + asset + "/open-licence",
                seller.org().token(),
                Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", cny("300.00")), "termMonths", 12),
                null);
        assertThat(declared.status()).as(declared.text()).isIn(200, 201);
        Org licensee = market.bidder("1000.00");
        Api.Response taken = api.post("/api/v1/assets/" + asset + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        List<String> watched = watch(auction, bidder);
        Eventually.await("the watcher's snapshot", PATIENCE, () -> watched.contains("snapshot"));

        Org assignee = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response assigned =
                api.post("/api/v1/assets/" + asset + "/grants", seller.org().token(), assignmentTo(assignee));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
        String grant = assigned.text("id");

        // The open licence is withdrawn with the assignment itself; the licence already taken stands.
        Api.Response lateTaker = api.post(
                "/api/v1/assets/" + asset + "/open-licence/licences",
                market.bidder("1000.00").token(),
                Map.of());
        assertThat(lateTaker.status()).isEqualTo(404);
        assertThat(lateTaker.code()).isEqualTo("OPEN_LICENCE_NOT_DECLARED");
        assertThat(audit("OpenLicenceWithdrawn", "asset:" + asset))
                .singleElement()
                .asString()
                .contains("\"assignmentId\":\"" + grant + "\"");
        assertThat(api.get("/api/v1/grants/" + taken.text("id"), licensee.token())
                        .text("status"))
                .isEqualTo("ACTIVE");

        // Every listing of the assignor ends, with the assignment as its reason.
        for (String listing : List.of(auction, negotiation, draft.text("id"))) {
            Api.Response ended = awaitStatus(listing, "CANCELLED");
            assertThat(ended.text("statusReason")).contains(grant).contains(assignee.id());
            assertThat(audit("ListingCancelled", "listing:" + listing))
                    .singleElement()
                    .asString()
                    .contains(grant);
        }
        assertThat(market.balances(bidder)).containsExactly("500.00", "0.00");
        Eventually.await("the watcher's close", PATIENCE, () -> watched.contains("close"));
        assertThat(market.bid(bidder, auction, "1100.00").status()).isEqualTo(409);

        // The offer on the negotiated listing lapses and can no longer be accepted.
        Eventually.await(
                "the offer to lapse",
                PATIENCE,
                () -> "EXPIRED"
                        .equals(api.get("/api/v1/offers/" + offer, buyer.token())
                                .text("status")));
        Api.Response lapsed = api.get("/api/v1/offers/" + offer, buyer.token());
        assertThat(lapsed.text("statusReason"))
                .contains("Listing " + negotiation + " was cancelled")
                .contains(grant);
        Api.Response accepted =
                api.post("/api/v1/offers/" + offer + "/acceptance", seller.org().token(), Map.of());
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(audit("OfferExpired", "offer:" + offer))
                .singleElement()
                .asString()
                .contains(grant);

        // The assignee lists the asset; the former owner cannot.
        Api.Response byAssignee =
                api.post("/api/v1/listings", assignee.token(), Market.listing(asset, assignment(), negotiation()));
        assertThat(byAssignee.status()).as(byAssignee.text()).isEqualTo(201);
        assertThat(market.draft(seller, assignment(), negotiation()).code()).isEqualTo("NOT_ASSET_OWNER");
        assertThat(market.ledgerBalanced()).isTrue();

        // The assignment delivered again ends nothing more, and leaves the assignee's listing alone.
        GrantRecorded again =
                new GrantRecorded(grant, asset, GrantKind.ASSIGNMENT, assignee.id(), Optional.empty(), Instant.now());
        transactions.executeWithoutResult(tx -> events.publishEvent(again));
        Eventually.await("the repeated delivery", PATIENCE, () -> deliveries(grant) == 2);
        assertThat(assignedListings.endListingsOfFormerOwners(again)).isZero();
        assertThat(market.get(byAssignee.text("id"), assignee.token()).text("status"))
                .isEqualTo("DRAFT");
        assertThat(audit("ListingCancelled", "listing:" + auction)).hasSize(1);
        assertThat(market.balances(bidder)).containsExactly("500.00", "0.00");
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void theSaleThatAssignedTheAssetStandsAwardedAndItsOtherListingsEnd() {
        Market.Seller seller = market.seller();
        String sale = market.publish(
                seller,
                assignment(),
                Market.mechanism("FIXED_PRICE", "1000.00", "100.00", now(), now().plus(Duration.ofHours(1))));
        String auction = market.publish(
                seller,
                assignment(),
                Market.english("1000.00", "100.00", "50.00", now(), now().plus(Duration.ofHours(1))));
        Org bidder = market.bidder("500.00");
        assertThat(market.bid(bidder, auction, "1000.00").status()).isEqualTo(201);
        Org buyer = market.bidder("5000.00");
        Api.Response bought = api.post("/api/v1/listings/" + sale + "/purchase", buyer.token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);

        String deal = awaitDeal(buyer, sale);
        for (Org party : List.of(seller.org(), buyer)) {
            Api.Response signed = api.post("/api/v1/deals/" + deal + "/signatures", party.token(), Map.of());
            assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        }
        Api.Response funded = api.post("/api/v1/deals/" + deal + "/funding", buyer.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        Api.Response delivered = api.post(
                "/api/v1/deals/" + deal + "/delivery",
                seller.org().token(),
                Map.of("documents", List.of(Map.of("sha256", "ab".repeat(32), "description", "Assignment deed"))));
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response completed = api.post("/api/v1/deals/" + deal + "/acceptance", buyer.token(), Map.of());
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");

        Api.Response ended = awaitStatus(auction, "CANCELLED");
        assertThat(ended.text("statusReason")).contains(buyer.id());
        assertThat(market.balances(bidder)).containsExactly("500.00", "0.00");
        Api.Response sold = market.get(sale, buyer.token());
        assertThat(sold.text("status")).isEqualTo("AWARDED");
        assertThat(sold.json().path("statusReason").isNull()
                        || sold.json().path("statusReason").isMissingNode())
                .isTrue();
        assertThat(audit("ListingCancelled", "listing:" + sale)).isEmpty();
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void aLicenceEndsNoListing() {
        Market.Seller seller = market.seller();
        String auction = market.publish(
                seller,
                assignment(),
                Market.english("1000.00", "100.00", "50.00", now(), now().plus(Duration.ofHours(1))));
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> licence = new LinkedHashMap<>(assignmentTo(licensee));
        licence.put("type", "NON_EXCLUSIVE_LICENCE");
        licence.put(
                "scope",
                Map.of(
                        "fields",
                        List.of("G06N"),
                        "territories",
                        List.of("CN"),
                        "start",
                        today.toString(),
                        "end",
                        today.plusYears(2).toString()));
        Api.Response granted = api.post(
                "/api/v1/assets/" + seller.assetId() + "/grants", seller.org().token(), licence);
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);

        // Recorded with the grant's transaction, which has committed when the grant answers.
        assertThat(Publications.of(jdbc, GrantRecorded.class, granted.text("id")))
                .as("a licence is published to the venue's feed, not to the listings' assignment listener")
                .contains("venue.feed.grant-recorded")
                .doesNotContain("listing.assignment.grant-recorded");
        assertThat(market.get(auction, seller.org().token()).text("status")).isEqualTo("OPEN");
        assertThat(audit("ListingCancelled", "listing:" + auction)).isEmpty();
    }

    private static Map<String, Object> assignmentTo(Org assignee) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ASSIGNMENT");
        body.put("granteeId", assignee.id());
        body.put(
                "scope",
                Map.of(
                        "fields",
                        List.of("*"),
                        "territories",
                        List.of("WORLD"),
                        "start",
                        today.toString(),
                        "end",
                        today.plusYears(10).toString()));
        body.put("sublicensable", false);
        body.put("pledgeeConsent", false);
        return body;
    }

    /** The names of the events a watcher of the listing receives, as they come. */
    private List<String> watch(String listingId, Org watcher) throws Exception {
        HttpRequest subscribe = HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/listings/" + listingId + "/events"))
                .header("Authorization", "Bearer " + watcher.token())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> stream =
                HttpClient.newHttpClient().send(subscribe, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> names = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> stream.body()
                .filter(line -> line.startsWith("event:"))
                .forEach(line -> names.add(line.substring(6).trim())));
        return names;
    }

    private Api.Response awaitStatus(String listingId, String status) {
        Eventually.await(
                "listing " + listingId + " to be " + status,
                PATIENCE,
                () -> status.equals(market.get(listingId, ADMIN_TOKEN).text("status")));
        return market.get(listingId, ADMIN_TOKEN);
    }

    private String awaitDeal(Org buyer, String listingId) {
        String[] found = new String[1];
        Eventually.await("the deal of " + listingId, PATIENCE, () -> {
            for (var deal : api.get("/api/v1/deals?limit=200&role=buyer", buyer.token())
                    .json()
                    .path("items")) {
                if (listingId.equals(deal.path("listingId").asString())) {
                    found[0] = deal.path("id").asString();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Completed deliveries of the grant's {@code GrantRecorded} to the listing module. */
    private int deliveries(String grantId) {
        return jdbc.sql("select count(*) from event_publication where listener_id = 'listing.assignment.grant-recorded'"
                        + " and serialized_event::jsonb ->> 'grantId' = ? and completion_date is not null")
                .param(grantId)
                .query(Integer.class)
                .single();
    }

    private List<String> audit(String type, String subject) {
        return jdbc.sql("select payload::text from audit_event where type = ? and subject = ? order by id")
                .params(type, subject)
                .query(String.class)
                .list();
    }
}
