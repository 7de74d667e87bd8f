package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Several nodes' closing jobs at once (here: four threads running the job beside the scheduler) close each listing
 * exactly once: one award, one audit event, deposits released once, the ledger balanced.
 */
class ListingClosingIT extends IntegrationTest {

    private static final int LISTINGS = 6;

    @Autowired
    Closing closing;

    @Test
    void concurrentClosingJobsCloseEachListingExactlyOnce() throws Exception {
        Market market = new Market(api, fixtures);
        long auditBefore = lastAuditSequence();
        Org alice = market.bidder("10000.00");
        Org bob = market.bidder("10000.00");
        Instant end = now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LISTINGS; i++) {
            end = now().plusSeconds(5);
            String id = market.publish(market.seller(), assignment(), english("100.00", "10.00", "100.00", now(), end));
            assertThat(market.bid(alice, id, "100.00").status()).isEqualTo(201);
            assertThat(market.bid(bob, id, "150.00").status()).isEqualTo(201);
            ids.add(id);
        }
        while (Instant.now().isBefore(end.plusMillis(100))) {
            Thread.sleep(50);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            runs.add(nodes.submit(() -> closing.runDue(Instant.now())));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        nodes.shutdown();
        for (String id : ids) {
            Api.Response closed = market.get(id, ADMIN_TOKEN);
            assertThat(closed.text("status")).isEqualTo("AWARDED");
            assertThat(closed.json().path("award").path("winnerId").asString()).isEqualTo(bob.id());
        }
        Map<String, Integer> awards = new HashMap<>();
        for (JsonNode event : auditEventsAfter(auditBefore)) {
            if (event.path("type").asString().equals("ListingAwarded")) {
                awards.merge(event.path("subject").asString(), 1, Integer::sum);
            }
        }
        for (String id : ids) {
            assertThat(awards.get("listing:" + id)).as("awards of " + id).isEqualTo(1);
        }
        assertThat(market.balances(alice)).containsExactly("10000.00", "0.00");
        assertThat(market.balances(bob)).containsExactly("9400.00", "600.00");
        assertThat(market.ledgerBalanced()).isTrue();
    }

    private long lastAuditSequence() {
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/audit/events?limit=200&after=" + after, ADMIN_TOKEN)
                    .json();
            if (page.path("items").isEmpty()) {
                return after;
            }
            after = page.path("items")
                    .get(page.path("items").size() - 1)
                    .path("sequence")
                    .asLong();
        }
    }

    private List<JsonNode> auditEventsAfter(long after) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode page = api.get("/api/v1/audit/events?limit=200&after=" + after, ADMIN_TOKEN)
                    .json();
            if (page.path("items").isEmpty()) {
                return events;
            }
            page.path("items").forEach(events::add);
            after = page.path("items")
                    .get(page.path("items").size() - 1)
                    .path("sequence")
                    .asLong();
        }
    }
}
