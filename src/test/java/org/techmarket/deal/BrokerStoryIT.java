package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A university gives a technology broker a mandate for its patent: to list it, negotiate and sign. The broker lists
 * the patent's exclusive licence for the university, counters a manufacturer's offer and signs the contract, which
 * names the broker and its commission; the university delivers and the manufacturer accepts. At completion the escrow
 * pays the university, the venue's fee and, out of the university's proceeds, the broker's 2.5% commission, to the
 * fen, on both statements. Every step the broker took is logged as the broker's for the university, and the broker's
 * public record counts the deal.
 */
class BrokerStoryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBrokerListsForAUniversityAndNegotiatesALicenceToCompletion() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        BrokerKit brokers = new BrokerKit(api, fixtures);
        NegotiationKit.Listed patent = kit.patentOwner();
        Org university = patent.seller();
        Org broker = brokers.broker();
        Org manufacturer = kit.buyer("1000000.00");
        Api forUniversity = brokers.actingFor(university);

        String mandate = brokers.propose(
                university,
                BrokerKit.mandate(
                        broker.id(),
                        BrokerKit.assets(patent.assetId()),
                        List.of("LIST", "NEGOTIATE", "SIGN"),
                        250,
                        "1000.00"));
        Api.Response early = forUniversity.post("/api/v1/listings", broker.token(), licenceListing(patent.assetId()));
        assertThat(early.status()).as(early.text()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("MANDATE_NOT_CONFIRMED");
        Api.Response confirmed =
                api.post("/api/v1/mandates/" + mandate + "/confirmation", university.token(), Map.of());
        assertThat(confirmed.text("status")).as(confirmed.text()).isEqualTo("CONFIRMED");

        Api.Response draft = forUniversity.post("/api/v1/listings", broker.token(), licenceListing(patent.assetId()));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        assertThat(draft.text("sellerId")).as("the listing is the university's").isEqualTo(university.id());
        String listing = draft.text("id");
        Api.Response submitted =
                forUniversity.post("/api/v1/listings/" + listing + "/submission", broker.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + listing + "/approval", ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        String offer = kit.offer(manufacturer, listing, lumpSum("800000.00", in(Duration.ofMinutes(30))))
                .text("id");
        Api.Response countered = forUniversity.post(
                "/api/v1/offers/" + offer + "/counter",
                broker.token(),
                lumpSum("912345.67", in(Duration.ofMinutes(30))));
        assertThat(countered.status()).as(countered.text()).isEqualTo(201);
        String counter = countered.text("id");
        Api.Response accepted = kit.answer(manufacturer, counter, "acceptance");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        JsonNode deals = kit.awaitDeals(manufacturer, 1);
        assertThat(deals.size()).isEqualTo(1);
        String deal = deals.get(0).path("id").asString();
        String zh = api.get("/api/v1/deals/" + deal + "/contract?lang=zh", manufacturer.token())
                .text("text");
        String en = api.get("/api/v1/deals/" + deal + "/contract?lang=en", manufacturer.token())
                .text("text");
        assertThat(zh).contains("技术经理人", broker.id(), "2.50%", "22,808.64");
        assertThat(en).contains("technology broker", broker.id(), "mandate " + mandate, "2.50%", "CNY 22,808.64");

        Api.Response brokerSigns =
                forUniversity.post("/api/v1/deals/" + deal + "/signatures", broker.token(), Map.of());
        assertThat(brokerSigns.status()).as(brokerSigns.text()).isEqualTo(201);
        assertThat(brokerSigns.text("organizationId")).isEqualTo(university.id());
        assertThat(api.post("/api/v1/deals/" + deal + "/signatures", manufacturer.token(), Map.of())
                        .status())
                .isEqualTo(201);
        Api.Response funded = api.post("/api/v1/deals/" + deal + "/funding", manufacturer.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);

        Api.Response brokerDelivers =
                forUniversity.post("/api/v1/deals/" + deal + "/delivery", broker.token(), delivery());
        assertThat(brokerDelivers.status()).as(brokerDelivers.text()).isEqualTo(403);
        assertThat(brokerDelivers.code()).isEqualTo("MANDATE_ACTION_NOT_GRANTED");
        Api.Response delivered = api.post("/api/v1/deals/" + deal + "/delivery", university.token(), delivery());
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response completed = api.post("/api/v1/deals/" + deal + "/acceptance", manufacturer.token(), Map.of());
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.text("status")).isEqualTo("COMPLETED");

        // 912,345.67 less the venue's 1% fee (9,123.46) is 903,222.21; the broker's 2.5% is 22,808.64 (of 22,808.64175)
        assertThat(fixtures.balances(broker)[0]).isEqualTo("22808.64");
        assertThat(fixtures.balances(university)[0]).isEqualTo("880413.57");
        assertThat(commissionLines(university)).containsExactly("-22808.64");
        assertThat(commissionLines(broker)).containsExactly("22808.64");

        String byBrokerForUniversity =
                "user:" + broker.adminId() + " broker:" + broker.id() + " for:" + university.id();
        assertThat(jdbc.sql("select distinct type from audit_event where actor = ? order by type")
                        .param(byBrokerForUniversity)
                        .query(String.class)
                        .list())
                .contains("ListingDrafted", "ListingSubmitted", "OfferCountered");

        Api.Response record = api.get("/api/v1/brokers/" + broker.id(), null);
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        assertThat(record.json().path("dealsClosed").asLong()).isEqualTo(1);
        assertThat(record.json().path("dealsDisputed").asLong()).isZero();
        JsonNode volume = record.json().path("volume").get(0);
        assertThat(volume.path("completed").path("amount").asString()).isEqualTo("912345.67");
        assertThat(volume.path("commission").path("amount").asString()).isEqualTo("22808.64");
    }

    private List<String> commissionLines(Org org) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : api.get("/api/v1/accounts/entries?limit=200", org.token())
                .json()
                .path("items")) {
            if ("BROKER_COMMISSION".equals(line.path("reason").asString())) {
                lines.add(line.path("amount").path("amount").asString());
            }
        }
        return lines;
    }

    static Map<String, Object> delivery() {
        return Map.of(
                "documents", List.of(Map.of("sha256", "cd".repeat(32), "description", "Licence deed and know-how")));
    }

    /** An exclusive licence of the patent for China, any field, three years, by negotiation without a deposit. */
    static Map<String, Object> licenceListing(String assetId) {
        LocalDate start = LocalDate.now(ZoneOffset.UTC);
        return Map.of(
                "assetIds",
                List.of(assetId),
                "offer",
                NegotiationKit.exclusiveLicence(start),
                "mechanism",
                NegotiationKit.negotiation("1000000.00", "0.00", in(Duration.ofHours(1))),
                "title",
                "Exclusive licence of a sensor patent",
                "description",
                "Listed by the university's technology broker");
    }
}
