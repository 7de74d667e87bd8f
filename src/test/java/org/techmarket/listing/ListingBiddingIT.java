package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.Market.Seller;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Bids over HTTP: proxy bidding, deposits, idempotent retries, the public history, and every refusal. */
class ListingBiddingIT extends IntegrationTest {

    @Autowired
    Closing closing;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    private String openEnglish(Seller seller, String deposit) {
        return market.publish(
                seller, assignment(), english("1000.00", "100.00", deposit, now(), now().plus(Duration.ofHours(1))));
    }

    @Test
    void proxyBidsLeadTheBidderIsToldAndTheHistoryShowsPseudonymsNeverMaxima() {
        Seller seller = market.seller();
        String id = openEnglish(seller, "200.00");
        Org alice = market.bidder("10000.00");
        Org bob = market.bidder("10000.00");

        Api.Response first = api.post(
                "/api/v1/listings/" + id + "/bids",
                alice.token(),
                Map.of("amount", cny("1000.00"), "maxAmount", cny("2000.00")));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("leading").asBoolean()).isTrue();
        assertThat(first.json().path("currentPrice").path("amount").asString()).isEqualTo("1000.00");
        assertThat(first.text("bidId")).isNotBlank();
        assertThat(first.text("endsAt")).isNotBlank();
        assertThat(market.balances(alice)).containsExactly("9800.00", "200.00");

        Api.Response outbid = market.bid(bob, id, "1500.00");
        assertThat(outbid.status()).isEqualTo(201);
        assertThat(outbid.json().path("leading").asBoolean()).isFalse();
        assertThat(outbid.json().path("currentPrice").path("amount").asString()).isEqualTo("1600.00");

        Api.Response seen = market.get(id, alice.token());
        assertThat(seen.json().path("leading").asBoolean()).isTrue();
        assertThat(seen.json().path("bidCount").asLong()).isEqualTo(2);
        assertThat(seen.json().path("minimumBid").path("amount").asString()).isEqualTo("1700.00");
        assertThat(market.get(id, bob.token()).json().path("leading").asBoolean())
                .isFalse();
        assertThat(seen.text()).doesNotContain("2000.00");

        Api.Response history = api.get("/api/v1/listings/" + id + "/bids", bob.token());
        assertThat(history.json().path("items").findValuesAsString("bidder")).containsExactly("Bidder 1", "Bidder 2");
        assertThat(history.json().path("items").get(1).path("mine").asBoolean()).isTrue();
        assertThat(history.text()).doesNotContain(alice.id()).doesNotContain("2000.00");
    }

    @Test
    void aRetriedBidWithItsIdempotencyKeyIsPlacedOnce() {
        String id = openEnglish(market.seller(), "100.00");
        Org bidder = market.bidder("5000.00");
        Api.Response first = api.send(
                "POST",
                "/api/v1/listings/" + id + "/bids",
                bidder.token(),
                "application/json",
                Api.body(Map.of("amount", cny("1000.00"))).getBytes());
        assertThat(first.status()).isEqualTo(201);
        Api.Response keyed = post(bidder, id, "bid-1", Map.of("amount", cny("1100.00")));
        Api.Response again = post(bidder, id, "bid-1", Map.of("amount", cny("1100.00")));
        assertThat(keyed.status()).as(keyed.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text("bidId")).isEqualTo(keyed.text("bidId"));
        assertThat(post(bidder, id, "bid-1", Map.of("amount", cny("1200.00"))).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(market.get(id, bidder.token()).json().path("bidCount").asLong())
                .isEqualTo(2);
        assertThat(market.balances(bidder)).containsExactly("4900.00", "100.00");
    }

    private Api.Response post(Org bidder, String id, String key, Map<String, Object> body) {
        return market.postWithKey("/api/v1/listings/" + id + "/bids", bidder.token(), key, body);
    }

    @Test
    void badBidsAreRefusedEachWithItsOwnCodeAndChangeNothing() {
        Seller seller = market.seller();
        String id = openEnglish(seller, "500.00");
        Org bidder = market.bidder("3000.00");
        assertThat(api.post(
                                "/api/v1/listings/" + id + "/bids",
                                bidder.token(),
                                Map.of("amount", cny("1000.00"), "maxAmount", cny("2000.00")))
                        .status())
                .isEqualTo(201);

        expect(market.bid(bidder, id, "1100.00"), 409, "MAXIMUM_NOT_RAISED");
        Org rival = market.bidder("3000.00");
        expect(market.bid(rival, id, "1050.00"), 409, "BID_BELOW_MINIMUM");
        expect(
                api.post(
                        "/api/v1/listings/" + id + "/bids",
                        rival.token(),
                        Map.of("amount", Map.of("amount", "1500.00", "currency", "USD"))),
                400,
                "CURRENCY_MISMATCH");
        expect(market.bid(rival, id, "99999999999999.00"), 400, "INVALID_AMOUNT");
        expect(market.bid(rival, id, "-5.00"), 400, "INVALID_AMOUNT");
        expect(
                api.post(
                        "/api/v1/listings/" + id + "/bids",
                        rival.token(),
                        Map.of("amount", Map.of("amount", 1500, "currency", "CNY"))),
                400,
                "INVALID_AMOUNT");
        expect(
                api.post(
                        "/api/v1/listings/" + id + "/bids",
                        rival.token(),
                        Map.of("amount", cny("1500.00"), "maxAmount", cny("1400.00"))),
                400,
                "INVALID_AMOUNT");
        expect(market.bid(seller.org(), id, "1500.00"), 403, "OWNER_CANNOT_BID");
        Org pending = fixtures.registerOrg("ENTERPRISE");
        expect(market.bid(pending, id, "1500.00"), 403, "ORGANIZATION_NOT_VERIFIED");
        Org poor = market.bidder("100.00");
        expect(market.bid(poor, id, "1500.00"), 409, "INSUFFICIENT_FUNDS");
        assertThat(market.balances(poor)).containsExactly("100.00", "0.00");
        expect(api.post("/api/v1/listings/" + id + "/acceptance", rival.token(), Map.of()), 422, "WRONG_MECHANISM");
        expect(api.post("/api/v1/listings/" + id + "/purchase", rival.token(), Map.of()), 422, "WRONG_MECHANISM");
        expect(market.bid(rival, "no-such-listing", "1500.00"), 404, "NOT_FOUND");

        Api.Response after = market.get(id, bidder.token());
        assertThat(after.json().path("bidCount").asLong()).isEqualTo(1);
        assertThat(after.json().path("currentPrice").path("amount").asString()).isEqualTo("1000.00");
        assertThat(market.balances(rival)).containsExactly("3000.00", "0.00");

        String sealed = market.publish(
                market.seller(),
                assignment(),
                mechanism("SEALED_FIRST_PRICE", "1000.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        expect(
                api.post(
                        "/api/v1/listings/" + sealed + "/bids",
                        rival.token(),
                        Map.of("amount", cny("1500.00"), "maxAmount", cny("2000.00"))),
                422,
                "NOT_ENGLISH");

        String upcoming = market.publish(
                market.seller(),
                assignment(),
                english("1000.00", "100.00", "0.00", now().plus(Duration.ofHours(1)), now().plus(Duration.ofHours(2))));
        expect(market.bid(rival, upcoming, "1000.00"), 409, "LISTING_NOT_OPEN");
    }

    @Test
    void atTheCloseTheWinnersDepositStaysHeldAndTheLosersComeBack() {
        // The bidders first: the two seconds the sale lasts are left for its bids.
        Org winner = market.bidder("5000.00");
        Org loser = market.bidder("5000.00");
        String id = market.publish(
                market.seller(), assignment(), english("1000.00", "100.00", "250.00", now(), now().plusSeconds(2)));
        Api.Response first = market.bid(loser, id, "1000.00");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Api.Response second = market.bid(winner, id, "1500.00");
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(closing.close(id, Instant.now())).isFalse();

        long deadline = System.currentTimeMillis() + 10_000;
        while (!"AWARDED".equals(market.get(id, ADMIN_TOKEN).text("status")) && System.currentTimeMillis() < deadline) {
            sleep(200);
        }
        Api.Response closed = market.get(id, loser.token());
        assertThat(closed.text("status")).as("the scheduled job closes it").isEqualTo("AWARDED");
        assertThat(closed.json().path("award").path("winnerId").asString()).isEqualTo(winner.id());
        assertThat(closed.json().path("award").path("price").path("amount").asString())
                .isEqualTo("1100.00");
        assertThat(market.balances(winner)).containsExactly("4750.00", "250.00");
        assertThat(market.balances(loser)).containsExactly("5000.00", "0.00");
        expect(market.bid(loser, id, "2000.00"), 409, "LISTING_NOT_OPEN");
        assertThat(closing.close(id, Instant.now().plusSeconds(3600))).isFalse();
        assertThat(market.ledgerBalanced()).isTrue();
    }

    private static void expect(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
