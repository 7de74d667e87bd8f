package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * Offers and deals are hidden from organizations that are not their parties (404, as if they did not exist), and
 * each such refusal of an existing one is recorded as a security event ({@code ACCESS_DENIED}); an id that exists
 * nowhere is not.
 */
class HiddenFromStrangersIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStrangerReachingForAnOfferIsToldItDoesNotExistAndTheRefusalIsRecorded() {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        Org stranger = kit.buyer("10.00");
        String offer = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMinutes(10))))
                .text("id");
        long before = lastSequence();

        assertThat(api.get("/api/v1/offers/" + offer, stranger.token()).code()).isEqualTo("NOT_FOUND");
        assertThat(kit.answer(stranger, offer, "acceptance").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + Fixtures.unique("no-such-offer"), stranger.token())
                        .status())
                .isEqualTo(404);

        List<Map<String, String>> denied = deniedSince(before);
        assertThat(denied)
                .extracting(e -> e.get("path"))
                .containsExactly("GET /api/v1/offers/" + offer, "POST /api/v1/offers/" + offer + "/acceptance");
        assertThat(denied).extracting(e -> e.get("user_id")).containsOnly(stranger.adminId());
    }

    @Test
    void aStrangerCancellingADealIsToldItDoesNotExistAndTheRefusalIsRecorded() {
        Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org client = fixtures.verifiedOrg("ENTERPRISE");
        Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("type", "CONSULTING");
        proposal.put("clientId", client.id());
        proposal.put("price", Map.of("amount", "1000.00", "currency", "CNY"));
        proposal.put("deliveryObligations", "A written opinion on the freedom to operate of a battery pack design.");
        Api.Response deal = api.post("/api/v1/deals", institute.token(), proposal);
        assertThat(deal.status()).as(deal.text()).isEqualTo(201);
        long before = lastSequence();

        Api.Response cancelled = api.post(
                "/api/v1/deals/" + deal.text("id") + "/cancellation",
                stranger.token(),
                Map.of("reason", "not mine to cancel"));
        assertThat(cancelled.status()).isEqualTo(404);
        assertThat(cancelled.code()).isEqualTo("DEAL_NOT_FOUND");

        assertThat(deniedSince(before))
                .extracting(e -> e.get("path"))
                .containsExactly("POST /api/v1/deals/" + deal.text("id") + "/cancellation");
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from security_event")
                .query(Long.class)
                .single();
    }

    private List<Map<String, String>> deniedSince(long sequence) {
        return new ArrayList<>(jdbc.sql("select path, user_id from security_event where type = 'ACCESS_DENIED'"
                        + " and sequence > ? order by sequence")
                .param(sequence)
                .query((rs, row) -> Map.of("path", rs.getString("path"), "user_id", rs.getString("user_id")))
                .list());
    }
}
