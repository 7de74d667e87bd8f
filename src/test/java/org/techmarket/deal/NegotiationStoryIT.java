package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * A university lists its sintering know-how for negotiation. A battery maker offers below the asking price, paid in
 * instalments; the university counters at a higher price in one sum; the battery maker accepts the counter. The
 * listing ends AWARDED to it and a deal opens at the countered price; every step is on the record.
 */
class NegotiationStoryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private List<String> auditTypes(String subject) {
        return jdbc.sql("select type from audit_event where subject = ? order by id")
                .param(subject)
                .query(String.class)
                .list();
    }

    @Test
    void aUniversityNegotiatesItsKnowHowWithABatteryMaker() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("900000.00", "20000.00");
        Org university = listed.seller();
        Org batteryMaker = kit.buyer("100000.00");
        Org bystander = kit.buyer("1000.00");

        Api.Response offered = kit.offer(
                batteryMaker,
                listed.listingId(),
                Map.of(
                        "price",
                        cny("700000.00"),
                        "paymentTerms",
                        Map.of(
                                "kind",
                                "INSTALMENTS",
                                "instalments",
                                List.of(
                                        Map.of(
                                                "amount",
                                                cny("300000.00"),
                                                "dueDate",
                                                LocalDate.now(ZoneOffset.UTC)
                                                        .plusDays(30)
                                                        .toString()),
                                        Map.of(
                                                "amount",
                                                cny("400000.00"),
                                                "dueDate",
                                                LocalDate.now(ZoneOffset.UTC)
                                                        .plusDays(180)
                                                        .toString()))),
                        "deadline",
                        in(Duration.ofMinutes(30)).toString()));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        assertThat(offered.headers().get("Location")).isNotNull();
        assertThat(offered.text("status")).isEqualTo("OPEN");
        assertThat(offered.text("awaiting")).isEqualTo(university.id());
        assertThat(offered.json().path("paymentTerms").path("parts").size()).isEqualTo(2);
        String first = offered.text("id");

        Api.Response countered = kit.counter(university, first, lumpSum("820000.00", in(Duration.ofMinutes(20))));
        assertThat(countered.status()).as(countered.text()).isEqualTo(201);
        assertThat(countered.text("previousOfferId")).isEqualTo(first);
        assertThat(countered.json().path("round").asInt()).isEqualTo(2);
        assertThat(countered.text("madeBy")).isEqualTo(university.id());
        String counter = countered.text("id");
        assertThat(api.get("/api/v1/offers/" + first, batteryMaker.token()).text("status"))
                .isEqualTo("COUNTERED");

        Api.Response thread = api.get("/api/v1/listings/" + listed.listingId() + "/offers", batteryMaker.token());
        assertThat(thread.status()).isEqualTo(200);
        assertThat(thread.json().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/listings/" + listed.listingId() + "/offers", bystander.token())
                        .json()
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/offers/" + counter, bystander.token()).status())
                .isEqualTo(404);

        Api.Response accepted = kit.answer(batteryMaker, counter, "acceptance");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        Api.Response listing = api.get("/api/v1/listings/" + listed.listingId(), university.token());
        assertThat(listing.text("status")).isEqualTo("AWARDED");
        JsonNode deals = kit.awaitDeals(batteryMaker, 1);
        assertThat(deals.size()).isEqualTo(1);
        JsonNode deal = deals.get(0);
        assertThat(deal.path("listingId").asString()).isEqualTo(listed.listingId());
        assertThat(deal.path("mechanism").asString()).isEqualTo("NEGOTIATION");
        assertThat(deal.path("price").path("amount").asString()).isEqualTo("820000.00");
        assertThat(deal.path("seller").path("organizationId").asString()).isEqualTo(university.id());

        assertThat(auditTypes("offer:" + first)).containsExactly("OfferMade", "OfferCountered");
        assertThat(auditTypes("offer:" + counter)).containsExactly("OfferMade", "OfferAccepted");
        assertThat(auditTypes("listing:" + listed.listingId())).contains("ListingAwarded");
    }
}
