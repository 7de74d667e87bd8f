package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.Market;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An organization's own bids and negotiations, on its workspace and over {@code GET /api/v1/bids?bidder=me} and
 * {@code GET /api/v1/offers?party=me}: where it leads, was outbid, won or lost, a sealed bid shown as its own only, and
 * the answers that wait for it in a negotiation, given from the workspace's forms.
 */
class MyBidsAndOffersIT extends WebIntegrationTest {

    @Autowired
    Closing closing;

    @Test
    void aBiddersListShowsWhereItLeadsWasOutbidWonAndLostAndASealedBidAsItsOwnOnly() {
        Market market = new Market(api, fixtures);
        Org buyer = market.bidder("100000.00");
        Org rival = market.bidder("100000.00");
        String leading = english(market);
        String outbid = english(market);
        String won = english(market);
        String lost = english(market);
        String sealed = market.publish(market.seller(), Market.assignment(), Market.sealedFirstPrice());
        bid(market, buyer, leading, "1000.00");
        bid(market, buyer, outbid, "1000.00");
        bid(market, rival, outbid, "1100.00");
        bid(market, rival, won, "1000.00");
        bid(market, buyer, won, "1200.00");
        bid(market, buyer, lost, "1000.00");
        bid(market, rival, lost, "1300.00");
        bid(market, rival, sealed, "5432.00");
        bid(market, buyer, sealed, "1234.00");
        Instant later = Instant.now().plus(Duration.ofHours(2));
        assertThat(closing.close(won, later)).isTrue();
        assertThat(closing.close(lost, later)).isTrue();

        Api.Response mine = api.get("/api/v1/bids?bidder=me", buyer.token());
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        Map<String, JsonNode> byListing = byId(mine.json().path("items"), "listingId");
        assertThat(byListing).containsOnlyKeys(leading, outbid, won, lost, sealed);
        assertThat(standing(byListing, leading)).isEqualTo("LEADING");
        assertThat(standing(byListing, outbid)).isEqualTo("OUTBID");
        assertThat(standing(byListing, won)).isEqualTo("WON");
        assertThat(standing(byListing, lost)).isEqualTo("LOST");
        assertThat(standing(byListing, sealed)).isEqualTo("SEALED");
        assertThat(amount(byListing.get(outbid).path("highestBid"))).isEqualTo("1000.00");
        assertThat(amount(byListing.get(outbid).path("currentPrice"))).isEqualTo("1100.00");
        assertThat(byListing.get(outbid).path("maximum").isNull())
                .as("a bid without a proxy maximum has none")
                .isTrue();
        assertThat(byListing.get(outbid).path("mechanism").asString()).isEqualTo("ENGLISH");
        assertThat(amount(byListing.get(sealed).path("highestBid"))).isEqualTo("1234.00");
        assertThat(byListing.get(sealed).path("currentPrice").isNull()).isTrue();
        assertThat(mine.text()).as("the rival's sealed bid stays secret").doesNotContain("5432");

        Api.Response firstPage = api.get("/api/v1/bids?bidder=me&limit=2", buyer.token());
        assertThat(firstPage.json().path("items")).hasSize(2);
        String cursor = firstPage.text("nextCursor");
        Api.Response rest = api.get("/api/v1/bids?bidder=me&limit=10&cursor=" + cursor, buyer.token());
        assertThat(rest.json().path("items")).hasSize(3);
        Api.Response others = api.get("/api/v1/bids?bidder=" + rival.id(), buyer.token());
        assertThat(others.status()).isEqualTo(400);
        assertThat(others.code()).isEqualTo("INVALID_PARAMETER");

        String workspace = signedIn(buyer).get("/workspace").html();
        assertThat(workspace)
                .contains("我的出价")
                .contains("href=\"/listings/" + leading + "\"")
                .contains("领先")
                .contains("已被超越")
                .contains("已中标")
                .contains("未中标")
                .contains("密封至截止")
                .contains("¥1,234.00")
                .contains("data-ends-at")
                .doesNotContain("5,432");
    }

    @Test
    void whatWaitsForTheBuyerInANegotiationIsAnsweredFromItsWorkspace() {
        Market market = new Market(api, fixtures);
        Market.Seller seller = market.seller();
        Org buyer = market.bidder("100000.00");
        String listing = market.publish(seller, Market.assignment(), Market.negotiation());
        String counter = market.counteredOffer(buyer, seller, listing, "1500.00", "1800.00");

        JsonNode waiting = only(api.get("/api/v1/offers?party=me", buyer.token()));
        assertThat(waiting.path("offerId").asString()).isEqualTo(counter);
        assertThat(waiting.path("side").asString()).isEqualTo("BUYER");
        assertThat(amount(waiting.path("mine"))).isEqualTo("1500.00");
        assertThat(amount(waiting.path("theirs"))).isEqualTo("1800.00");
        assertThat(waiting.path("waiting").valueStream().map(JsonNode::asString))
                .containsExactly("ACCEPT", "COUNTER", "DECLINE");
        assertThat(only(api.get("/api/v1/offers?party=me", seller.org().token()))
                        .path("waiting")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("WITHDRAW");

        PageClient page = signedIn(buyer);
        PageClient.Page workspace = page.get("/workspace");
        assertThat(workspace.html())
                .contains("我的报价")
                .contains("¥1,800.00")
                .contains("/workspace/offers/" + counter + "/acceptance")
                .contains("/workspace/offers/" + counter + "/counter");
        PageClient.Page refused =
                page.post("/workspace/offers/" + counter + "/counter", Map.of("price", "abc"), workspace);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(only(api.get("/api/v1/offers?party=me", buyer.token()))
                        .path("offerId")
                        .asString())
                .as("a refused counter changes nothing")
                .isEqualTo(counter);

        workspace = page.get("/workspace");
        page.post("/workspace/offers/" + counter + "/counter", Map.of("price", "1700.00"), workspace);
        JsonNode mine = only(api.get("/api/v1/offers?party=me", buyer.token()));
        assertThat(mine.path("round").asInt()).isEqualTo(3);
        assertThat(amount(mine.path("mine"))).isEqualTo("1700.00");
        assertThat(amount(mine.path("theirs"))).isEqualTo("1800.00");
        assertThat(mine.path("waiting").valueStream().map(JsonNode::asString)).containsExactly("WITHDRAW");
        assertThat(page.get("/workspace").html()).contains("已发出还价");

        workspace = page.get("/workspace");
        page.post("/workspace/offers/" + mine.path("offerId").asString() + "/withdrawal", Map.of(), workspace);
        JsonNode withdrawn = only(api.get("/api/v1/offers?party=me", buyer.token()));
        assertThat(withdrawn.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("waiting")).isEmpty();
        assertThat(api.get("/api/v1/offers?party=them", buyer.token()).status()).isEqualTo(400);
    }

    private static String english(Market market) {
        return market.publish(
                market.seller(),
                Market.assignment(),
                Market.english(
                        "1000.00", "100.00", "0.00", Market.now(), Market.now().plus(Duration.ofHours(1))));
    }

    private static void bid(Market market, Org bidder, String listing, String amount) {
        Api.Response placed = market.bid(bidder, listing, amount);
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    }

    private static JsonNode only(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(list.json().path("items")).hasSize(1);
        return list.json().path("items").get(0);
    }

    private static Map<String, JsonNode> byId(JsonNode items, String field) {
        Map<String, JsonNode> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.path(field).asString(), item));
        return byId;
    }

    private static String standing(Map<String, JsonNode> byListing, String listing) {
        return byListing.get(listing).path("standing").asString();
    }

    private static String amount(JsonNode money) {
        return money.path("amount").asString();
    }
}
