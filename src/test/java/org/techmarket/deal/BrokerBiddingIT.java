package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * A broker bids for its clients within their mandates: the bid, its deposit and every refusal are the client's. A
 * revoked mandate stops the next bid; a broker acts for one client per listing, also when two bids race; an action
 * the mandate does not grant, an asset outside its scope, or a client that gave no mandate is refused with 403.
 */
class BrokerBiddingIT extends IntegrationTest {

    private BrokerKit brokers() {
        return new BrokerKit(api, fixtures);
    }

    @Test
    void aRevokedMandateStopsTheNextBid() {
        BrokerKit brokers = brokers();
        Org broker = brokers.broker();
        Org client = bidder("5000.00");
        String mandate =
                brokers.mandate(client, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 0, "0.00"));
        String listing = auction();

        Api.Response bid = bid(brokers.actingFor(client), broker, listing, "1000.00");
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);
        assertThat(fixtures.balances(client)).as("the deposit is the client's").containsExactly("4750.00", "250.00");
        assertThat(fixtures.balances(broker)).containsExactly("0.00", "0.00");

        Api.Response revoked = brokers.revoke(client, mandate);
        assertThat(revoked.text("status")).as(revoked.text()).isEqualTo("REVOKED");
        Api.Response next = bid(brokers.actingFor(client), broker, listing, "1100.00");
        assertThat(next.status()).as(next.text()).isEqualTo(403);
        assertThat(next.code()).isEqualTo("MANDATE_REVOKED");
        assertThat(api.get("/api/v1/listings/" + listing, client.token())
                        .json()
                        .path("bidCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aBrokerCannotBidForTwoClientsOnOneListing() {
        BrokerKit brokers = brokers();
        Org broker = brokers.broker();
        Org first = bidder("5000.00");
        Org second = bidder("5000.00");
        brokers.mandate(first, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 100, "0.00"));
        brokers.mandate(second, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 100, "0.00"));
        String listing = auction();

        assertThat(bid(brokers.actingFor(first), broker, listing, "1000.00").status())
                .isEqualTo(201);
        Api.Response other = bid(brokers.actingFor(second), broker, listing, "1100.00");
        assertThat(other.status()).as(other.text()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("BROKER_ACTS_FOR_ANOTHER_CLIENT");
        assertThat(fixtures.balances(second)).containsExactly("5000.00", "0.00");
        assertThat(bid(brokers.actingFor(first), broker, listing, "1200.00").status())
                .as("the first client's broker bids on")
                .isEqualTo(201);
        assertThat(bid(brokers.actingFor(second), broker, auction(), "1000.00").status())
                .as("on another listing the broker may act for the second client")
                .isEqualTo(201);
    }

    @Test
    void ofTwoRacingBidsForTwoClientsOnOneListingOneIsPlaced() throws Exception {
        BrokerKit brokers = brokers();
        Org broker = brokers.broker();
        List<Org> clients = List.of(bidder("5000.00"), bidder("5000.00"));
        for (Org client : clients) {
            brokers.mandate(client, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 100, "0.00"));
        }
        String listing = auction();

        List<Api.Response> bids = Race.race(
                2, i -> () -> bid(brokers.actingFor(clients.get(i)), broker, listing, i == 0 ? "1000.00" : "1100.00"));

        assertThat(bids).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 403);
        assertThat(bids)
                .filteredOn(r -> r.status() == 403)
                .extracting(Api.Response::code)
                .containsExactly("BROKER_ACTS_FOR_ANOTHER_CLIENT");
        assertThat(api.get("/api/v1/listings/" + listing, ADMIN_TOKEN)
                        .json()
                        .path("bidCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void outsideItsMandateABrokerIsRefused() {
        BrokerKit brokers = brokers();
        Org broker = brokers.broker();
        Org client = bidder("5000.00");
        Org stranger = bidder("5000.00");
        String listing = auction();
        String otherListing = auction();
        String assetOfListing = api.get("/api/v1/listings/" + listing, client.token())
                .json()
                .path("assetIds")
                .get(0)
                .asString();
        brokers.mandate(
                client,
                BrokerKit.mandate(broker.id(), BrokerKit.assets(assetOfListing), List.of("NEGOTIATE"), 0, "0.00"));

        Api.Response wrongAction = bid(brokers.actingFor(client), broker, listing, "1000.00");
        assertThat(wrongAction.status()).as(wrongAction.text()).isEqualTo(403);
        assertThat(wrongAction.code()).isEqualTo("MANDATE_ACTION_NOT_GRANTED");

        brokers.mandate(
                client, BrokerKit.mandate(broker.id(), BrokerKit.assets(assetOfListing), List.of("BID"), 0, "0.00"));
        Api.Response outOfScope = bid(brokers.actingFor(client), broker, otherListing, "1000.00");
        assertThat(outOfScope.status()).as(outOfScope.text()).isEqualTo(403);
        assertThat(outOfScope.code()).isEqualTo("MANDATE_SCOPE_EXCLUDES");
        assertThat(bid(brokers.actingFor(client), broker, listing, "1000.00").status())
                .as("within the newest mandate")
                .isEqualTo(201);

        Api.Response noMandate = bid(brokers.actingFor(stranger), broker, listing, "1100.00");
        assertThat(noMandate.status()).isEqualTo(403);
        assertThat(noMandate.code()).isEqualTo("NO_MANDATE");
        Api.Response notABroker = bid(brokers.actingFor(client), stranger, listing, "1100.00");
        assertThat(notABroker.code())
                .as("a client's rival holds no mandate from it")
                .isEqualTo("NO_MANDATE");
        Api.Response adminAsAgent = brokers.actingFor(client)
                .post(
                        "/api/v1/mandates",
                        broker.token(),
                        BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 0, "0.00"));
        assertThat(adminAsAgent.status())
                .as("a broker gives no mandates for its client")
                .isEqualTo(403);
        assertThat(fixtures.balances(stranger)).containsExactly("5000.00", "0.00");
    }

    @Test
    void theClientMayBeNamedInTheBodyAsInTheHeader() {
        BrokerKit brokers = brokers();
        Org broker = brokers.broker();
        Org client = bidder("5000.00");
        Org other = bidder("5000.00");
        brokers.mandate(client, BrokerKit.mandate(broker.id(), BrokerKit.all(), List.of("BID"), 0, "0.00"));
        String listing = auction();
        String bids = "/api/v1/listings/" + listing + "/bids";

        record Refusal(String what, Api as, Object onBehalfOf, int status, String code) {}
        for (Refusal r : List.of(
                new Refusal(
                        "header and body differ", brokers.actingFor(other), client.id(), 400, "ON_BEHALF_OF_MISMATCH"),
                new Refusal("a number", api, 42, 400, "INVALID_ON_BEHALF_OF"),
                new Refusal("blank", api, " ", 400, "INVALID_ON_BEHALF_OF"),
                new Refusal("a client without a mandate", api, other.id(), 403, "NO_MANDATE"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", cny("1000.00"));
            body.put("onBehalfOf", r.onBehalfOf());
            Api.Response refused = r.as().post(bids, broker.token(), body);
            assertThat(refused.status()).as(r.what() + ": " + refused.text()).isEqualTo(r.status());
            assertThat(refused.code()).as(r.what()).isEqualTo(r.code());
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(fixtures.balances(client)).containsExactly("5000.00", "0.00");
        assertThat(fixtures.balances(other)).containsExactly("5000.00", "0.00");

        Api.Response inBody =
                api.post(bids, broker.token(), Map.of("amount", cny("1000.00"), "onBehalfOf", client.id()));
        assertThat(inBody.status()).as(inBody.text()).isEqualTo(201);
        assertThat(fixtures.balances(client)).as("the deposit is the client's").containsExactly("4750.00", "250.00");
        assertThat(fixtures.balances(broker)).containsExactly("0.00", "0.00");
        Api.Response both = brokers.actingFor(client)
                .post(bids, broker.token(), Map.of("amount", cny("1100.00"), "onBehalfOf", client.id()));
        assertThat(both.status())
                .as("the header and the body may name the same client")
                .isEqualTo(201);
        Api.Response unknownField = api.post(bids, client.token(), Map.of("amount", cny("1200.00"), "forClient", "x"));
        assertThat(unknownField.status())
                .as("other unknown fields are still refused")
                .isEqualTo(400);
        assertThat(api.get("/api/v1/listings/" + listing, client.token())
                        .json()
                        .path("bidCount")
                        .asInt())
                .isEqualTo(2);
    }

    private Org bidder(String yuan) {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(org, yuan);
        return org;
    }

    /** A seller's English auction of a patent's assignment from 1,000.00 with a 250.00 deposit, open for an hour. */
    private String auction() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        String asset = fixtures.registerAsset(
                        seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()))
                .text("id");
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", cny("1000.00"));
        mechanism.put("increment", cny("100.00"));
        mechanism.put("deposit", cny("250.00"));
        mechanism.put("startsAt", in(Duration.ZERO).toString());
        mechanism.put("endsAt", in(Duration.ofHours(1)).toString());
        return fixtures.publishListing(
                seller,
                Map.of(
                        "assetIds",
                        List.of(asset),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        mechanism,
                        "title",
                        "Auctioned patent",
                        "description",
                        "Bid for by brokers"));
    }

    private static Api.Response bid(Api as, Org broker, String listing, String yuan) {
        return as.post("/api/v1/listings/" + listing + "/bids", broker.token(), Map.of("amount", cny(yuan)));
    }
}
