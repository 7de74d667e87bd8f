package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.FundingDefaults;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/** The seller of a defaulted auction deal offers it, once, to the runner-up at the runner-up's price. */
class DealRunnerUpIT extends DealIntegrationTest {

    @Autowired
    FundingDefaults defaults;

    @Test
    void theSellerOffersADefaultedDealToTheRunnerUpAtTheirPriceOnce() {
        Fixtures.Org runnerUp = fixtures.verifiedOrg("ENTERPRISE");
        DealKit.Sale sale = defaulted(Optional.of(runnerUp.id()));
        String offer = "/api/v1/deals/" + sale.dealId() + "/runner-up-offer";

        Api.Response opened = api.post(offer, sale.seller().token(), Map.of());
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        JsonNode deal = opened.json();
        String newDeal = deal.path("id").asString();
        assertThat(opened.header("Location")).endsWith("/api/v1/deals/" + newDeal);
        assertThat(deal.path("status").asString()).isEqualTo("SIGNING");
        assertThat(deal.path("seller").path("organizationId").asString())
                .isEqualTo(sale.seller().id());
        assertThat(deal.path("buyer").path("organizationId").asString()).isEqualTo(runnerUp.id());
        assertThat(deal.path("contract").path("price").path("amount").asString())
                .isEqualTo("49900.00");
        assertThat(deal.path("contract").path("grantKind").asString()).isEqualTo("ASSIGNMENT");
        assertThat(deal.path("contract").path("assets").findValuesAsString("assetId"))
                .containsExactly(sale.assetId());
        assertThat(absent(deal.path("depositHoldId"))).isTrue();
        assertThat(absent(deal.path("runnerUpId"))).isTrue();
        assertThat(deal.path("previousDealId").asString()).isEqualTo(sale.dealId());
        assertThat(deal.path("history").findValuesAsString("event")).contains("DealOpened");

        // The runner-up sees the deal offered to it; the defaulted deal points at it.
        assertThat(api.get("/api/v1/deals/" + newDeal, runnerUp.token()).status())
                .isEqualTo(200);
        JsonNode old = kit.deal(sale);
        assertThat(old.path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(old.path("runnerUpDealId").asString()).isEqualTo(newDeal);
        assertThat(old.path("history").findValuesAsString("event")).contains("OfferedToRunnerUp");

        Api.Response again = api.post(offer, sale.seller().token(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("RUNNER_UP_ALREADY_OFFERED");
        kit.assertInvariants(sale);
    }

    @Test
    void onlyTheSellerOfADefaultedDealWithARunnerUpMayOfferIt() {
        Fixtures.Org runnerUp = fixtures.verifiedOrg("ENTERPRISE");
        DealKit.Sale sale = defaulted(Optional.of(runnerUp.id()));
        String offer = "/api/v1/deals/" + sale.dealId() + "/runner-up-offer";

        Api.Response stranger =
                api.post(offer, fixtures.verifiedOrg("ENTERPRISE").token(), Map.of());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("DEAL_NOT_FOUND");
        assertThat(api.post(offer, runnerUp.token(), Map.of()).status()).isEqualTo(404);
        Api.Response buyer = api.post(offer, sale.buyer().token(), Map.of());
        assertThat(buyer.status()).isEqualTo(403);
        assertThat(buyer.code()).isEqualTo("NOT_THE_SELLER");

        DealKit.Sale signing = kit.awardedAssignment(30_000_00, 3_000_00, Optional.of(runnerUp.id()));
        Api.Response notDefaulted = api.post(
                "/api/v1/deals/" + signing.dealId() + "/runner-up-offer",
                signing.seller().token(),
                Map.of());
        assertThat(notDefaulted.status()).isEqualTo(409);
        assertThat(notDefaulted.code()).isEqualTo("DEAL_NOT_DEFAULTED");

        DealKit.Sale alone = defaulted(Optional.empty());
        Api.Response none = api.post(
                "/api/v1/deals/" + alone.dealId() + "/runner-up-offer",
                alone.seller().token(),
                Map.of());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("NO_RUNNER_UP");

        assertThat(kit.awaitDeals(runnerUp, "buyer", 1, 0)).isEmpty();
        kit.assertInvariants(sale);
    }

    @Test
    void twoRequestsAtOnceOpenOneDeal() throws Exception {
        Fixtures.Org runnerUp = fixtures.verifiedOrg("ENTERPRISE");
        DealKit.Sale sale = defaulted(Optional.of(runnerUp.id()));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post(
                            "/api/v1/deals/" + sale.dealId() + "/runner-up-offer",
                            sale.seller().token(),
                            Map.of());
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses)
                    .filteredOn(r -> r.status() == 409)
                    .allMatch(r -> "RUNNER_UP_ALREADY_OFFERED".equals(r.code()))
                    .hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(kit.awaitDeals(runnerUp, "buyer", 1)).hasSize(1);
        kit.assertInvariants(sale);
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private DealKit.Sale defaulted(Optional<String> runnerUpId) {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00, runnerUpId);
        kit.signByBoth(sale);
        defaults.defaultOverdue(Instant.now().plus(Duration.ofDays(15)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DEFAULTED");
        return sale;
    }
}
