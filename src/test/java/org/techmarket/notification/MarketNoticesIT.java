package org.techmarket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The market's own events reach the inboxes of those who should act or know, each once. */
class MarketNoticesIT extends IntegrationTest {

    private NoticeMarket market;

    @BeforeEach
    void market() {
        market = new NoticeMarket(api, fixtures);
    }

    @Test
    void theLeaderWhoIsOutbidHearsItOnceAndTheNewLeaderHearsNothing() {
        Org seller = market.participant("UNIVERSITY", "0.00");
        Org alice = market.participant("ENTERPRISE", "10000.00");
        Org bob = market.participant("ENTERPRISE", "10000.00");
        String listing = market.openListing(seller, "ENGLISH");

        assertThat(market.bid(alice, listing, "1000.00").status()).isEqualTo(201);
        Api.Response outbid = market.bid(bob, listing, "1200.00");
        assertThat(outbid.status()).as(outbid.text()).isEqualTo(201);

        List<JsonNode> heard = market.awaitNotices(alice.token(), "listing.outbid", listing);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).path("summary").asString()).contains("1,100.00 CNY");
        assertThat(heard.get(0).path("read").asBoolean()).isFalse();
        assertThat(market.notices(bob.token(), "listing.outbid", listing)).isEmpty();
        assertThat(market.notices(seller.token(), "listing.outbid", listing)).isEmpty();
    }

    @Test
    void aSaleTellsTheWinnerAndTheSellerAndItsDealWaitsForBothSignatures() {
        Org seller = market.participant("UNIVERSITY", "0.00");
        Org buyer = market.participant("ENTERPRISE", "10000.00");
        String listing = market.openListing(seller, "FIXED_PRICE");

        Api.Response bought = api.post("/api/v1/listings/" + listing + "/purchase", buyer.token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);

        assertThat(market.awaitNotices(buyer.token(), "listing.awarded", listing))
                .singleElement()
                .satisfies(n -> assertThat(n.path("summary").asString()).startsWith("You won"));
        assertThat(market.awaitNotices(seller.token(), "listing.awarded", listing))
                .singleElement()
                .satisfies(n -> assertThat(n.path("summary").asString()).startsWith("Your listing"));
        Eventually.await(
                "the deal opened",
                Duration.ofSeconds(10),
                () -> !api.get("/api/v1/deals", buyer.token())
                        .json()
                        .path("items")
                        .isEmpty());
        String deal = api.get("/api/v1/deals", buyer.token())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(market.awaitNotices(buyer.token(), "deal.signature-due", deal))
                .hasSize(1);
        assertThat(market.awaitNotices(seller.token(), "deal.signature-due", deal))
                .hasSize(1);
    }

    @Test
    void anOfferWaitsForTheSellersAnswerAndTheBuyerHearsNothingOfItsOwn() {
        Org seller = market.participant("UNIVERSITY", "0.00");
        Org buyer = market.participant("ENTERPRISE", "10000.00");
        String listing = market.openListing(seller, "NEGOTIATION");

        Api.Response offer = market.offer(buyer, listing, "1500.00");
        assertThat(offer.status()).as(offer.text()).isEqualTo(201);

        assertThat(market.awaitNotices(seller.token(), "offer.received", offer.text("id")))
                .singleElement()
                .satisfies(n -> assertThat(n.path("summary").asString()).contains("1,500.00 CNY"));
        assertThat(market.notices(buyer.token(), "offer.received", offer.text("id")))
                .isEmpty();
    }
}
