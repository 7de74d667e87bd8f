package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.demand.DemandMarket;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A firm gives a broker a mandate for two of its needs, a plain need and a challenge: the broker publishes and closes
 * the one and publishes the other and selects its winning proposal (which signs the firm up to the winner's
 * development contract, so the mandate grants SIGN as well as LIST), for the firm; the firm's other need, a new need
 * and an asset are outside the mandate and refused with 403, changing nothing.
 */
class BrokerNeedsIT extends IntegrationTest {

    @Test
    void aMandateForNamedNeedsCoversThoseNeedsAndNothingElse() {
        BrokerKit brokers = new BrokerKit(api, fixtures);
        Org broker = brokers.broker();
        Org firm = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(firm, "1000000.00");
        Org judges = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org solver = fixtures.verifiedOrg("UNIVERSITY");
        String need = draft("/api/v1/needs", firm, DemandMarket.need("Solid electrolyte supplier", "PUBLIC"));
        String challenge =
                draft("/api/v1/challenges", firm, DemandMarket.challenge("固态电解质揭榜", List.of(judges.adminId())));
        String otherNeed = draft("/api/v1/needs", firm, DemandMarket.need("Separator coating", "PUBLIC"));
        brokers.mandate(
                firm,
                BrokerKit.mandate(
                        broker.id(),
                        Map.of("needIds", List.of(need, challenge)),
                        List.of("LIST", "SIGN"),
                        100,
                        "0.00"));
        Api asFirm = brokers.actingFor(firm);

        // inside the mandate
        Api.Response published = asFirm.post("/api/v1/needs/" + need + "/publication", broker.token(), Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        Api.Response closed = asFirm.post("/api/v1/needs/" + need + "/closure", broker.token(), Map.of());
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        Api.Response open = asFirm.post("/api/v1/needs/" + challenge + "/publication", broker.token(), Map.of());
        assertThat(open.status()).as(open.text()).isEqualTo(200);
        assertThat(fixtures.balances(firm)).as("the reward is held on the firm").containsExactly("0.00", "1000000.00");
        Api.Response proposed = api.post(
                "/api/v1/challenges/" + challenge + "/proposals", solver.token(), DemandMarket.proposal("900000"));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        Api.Response selected = asFirm.post(
                "/api/v1/challenges/" + challenge + "/selection",
                broker.token(),
                Map.of("proposalId", proposed.text("id")));
        assertThat(selected.status()).as(selected.text()).isEqualTo(200);
        Api.Response deal = api.get("/api/v1/deals/" + selected.text("dealId"), firm.token());
        assertThat(deal.json().path("buyer").toString())
                .as("the winner's deal is the firm's")
                .contains(firm.id());

        // outside it
        record Refusal(String what, String path, Map<String, Object> body) {}
        for (Refusal r : List.of(
                new Refusal("the firm's other need", "/api/v1/needs/" + otherNeed + "/publication", Map.of()),
                new Refusal("closing the firm's other need", "/api/v1/needs/" + otherNeed + "/closure", Map.of()),
                new Refusal("a new need", "/api/v1/needs", DemandMarket.need("Another need", "PUBLIC")))) {
            Api.Response refused = asFirm.post(r.path(), broker.token(), r.body());
            assertThat(refused.status()).as(r.what() + ": " + refused.text()).isEqualTo(403);
            assertThat(refused.code()).as(r.what()).isEqualTo("MANDATE_SCOPE_EXCLUDES");
        }
        assertThat(api.get("/api/v1/needs/" + otherNeed, firm.token()).text("status"))
                .isEqualTo("DRAFT");
        String patent = fixtures.registerAsset(firm, Fixtures.patentAsset(firm.id(), Fixtures.uniqueCnPatentNumber()))
                .text("id");
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", NegotiationKit.cny("1000.00"));
        mechanism.put("increment", NegotiationKit.cny("100.00"));
        mechanism.put("deposit", NegotiationKit.cny("0.00"));
        mechanism.put("startsAt", NegotiationKit.in(Duration.ofMinutes(1)).toString());
        mechanism.put("endsAt", NegotiationKit.in(Duration.ofHours(1)).toString());
        Map<String, Object> draft = Map.of(
                "assetIds",
                List.of(patent),
                "offer",
                Map.of("type", "ASSIGNMENT"),
                "mechanism",
                mechanism,
                "title",
                "The firm's patent",
                "description",
                "An assignment of the firm's patent");
        Api.Response listing = asFirm.post("/api/v1/listings", broker.token(), draft);
        assertThat(listing.status())
                .as("an asset of the firm: " + listing.text())
                .isEqualTo(403);
        assertThat(listing.code()).isEqualTo("MANDATE_SCOPE_EXCLUDES");
        assertThat(api.post("/api/v1/listings", firm.token(), draft).status())
                .as("the firm itself may list it")
                .isEqualTo(201);
    }

    private String draft(String path, Org poster, Map<String, Object> body) {
        Api.Response posted = api.post(path, poster.token(), body);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        return posted.text("id");
    }
}
