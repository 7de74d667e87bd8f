package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * A negotiated deal opens from the acceptance of its offer: with the accepted offer's price, instalments and scope and
 * the buyer's deposit, delivered to the deal module's own listener of the acceptance.
 */
class NegotiatedDealOpeningIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDealOpensWithTheAcceptedOffersInstalmentsAndScope() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        NegotiationKit.Listed listed = kit.licenceForNegotiation(
                kit.patentOwner(), "700000.00", "10000.00", now, now.plus(Duration.ofHours(1)));
        Org buyer = kit.buyer("50000.00");
        Api.Response offered = kit.offer(
                buyer,
                listed.listingId(),
                Map.of(
                        "price",
                        cny("650000.00"),
                        "paymentTerms",
                        Map.of(
                                "kind",
                                "INSTALMENTS",
                                "instalments",
                                List.of(
                                        Map.of(
                                                "amount",
                                                cny("400000.00"),
                                                "dueDate",
                                                today.plusDays(20).toString()),
                                        Map.of(
                                                "amount",
                                                cny("250000.00"),
                                                "dueDate",
                                                today.plusDays(120).toString()))),
                        "scope",
                        Map.of(
                                "fields",
                                List.of("H01M"),
                                "territories",
                                List.of("440000"),
                                "start",
                                today.toString(),
                                "end",
                                today.plusYears(3).minusDays(1).toString()),
                        "deadline",
                        in(Duration.ofMinutes(20)).toString()));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);

        Api.Response accepted = kit.answer(listed.seller(), offered.text("id"), "acceptance");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonNode deals = kit.awaitDeals(buyer, 1);
        assertThat(deals.size()).isEqualTo(1);

        JsonNode deal = api.get("/api/v1/deals/" + deals.get(0).path("id").asString(), buyer.token())
                .json();
        assertThat(deal.path("mechanism").asString()).isEqualTo("NEGOTIATION");
        assertThat(deal.path("listingId").asString()).isEqualTo(listed.listingId());
        assertThat(deal.path("depositHoldId").isNull())
                .as("the buyer's deposit is kept for the deal")
                .isFalse();
        JsonNode schedule = deal.path("contract").path("schedule");
        assertThat(schedule.path("kind").asString()).isEqualTo("INSTALMENTS");
        assertThat(schedule.path("amount").path("amount").asString()).isEqualTo("650000.00");
        assertThat(schedule.path("instalments").size()).isEqualTo(2);
        assertThat(schedule.path("instalments")
                        .get(0)
                        .path("amount")
                        .path("amount")
                        .asString())
                .isEqualTo("400000.00");
        assertThat(schedule.path("instalments").get(1).path("dueDate").asString())
                .isEqualTo(today.plusDays(120).toString());
        JsonNode scope = deal.path("contract").path("scope");
        assertThat(scope.path("fields").toString()).isEqualTo("[\"H01M\"]");
        assertThat(scope.path("territories").toString()).isEqualTo("[\"440000\"]");
        assertThat(scope.path("start").asString()).isEqualTo(today.toString());

        assertThat(deliveriesTo("deal.opening.offer-accepted", listed.listingId()))
                .as("the deal opened from the acceptance")
                .isEqualTo(1);
    }

    /** How many stored events naming the listing were published to the listener. */
    private long deliveriesTo(String listenerId, String listingId) {
        return jdbc.sql("select count(*) from event_publication where listener_id = ? and serialized_event like ?")
                .params(listenerId, "%\"listingId\":\"" + listingId + "\"%")
                .query(Long.class)
                .single();
    }
}
