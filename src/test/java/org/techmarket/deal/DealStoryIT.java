package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.DealOpening;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import tools.jackson.databind.JsonNode;

/** A patent sold at auction, from the award to a signed, funded, delivered and accepted deal, and what is refused on the way. */
class DealStoryIT extends DealIntegrationTest {

    @Autowired
    DealOpening opening;

    @Test
    void anAwardBecomesASignedFundedDeliveredAcceptedDealThatPaysTheSellerAndPassesTheRights() {
        // A university's patent is sold at auction for 50,000 yuan; the winner's deposit of 5,000 yuan is held.
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        JsonNode opened = kit.deal(sale);
        assertThat(opened.path("status").asString()).isEqualTo("SIGNING");
        assertThat(opened.path("contract").path("type").asString()).isEqualTo("TRANSFER");
        assertThat(opened.path("contract").path("transferSubject").asString()).isEqualTo("PATENT_RIGHT");
        assertThat(opened.path("contract").path("price").path("amount").asString())
                .isEqualTo("50000.00");
        assertThat(opened.path("contract").path("schedule").path("kind").asString())
                .isEqualTo("LUMP_SUM");
        assertThat(opened.path("runnerUpId").asString()).isEqualTo("runner-up-org");

        // The same award arriving again opens nothing more.
        assertThat(opening.open(sale.award())).contains(sale.dealId());
        kit.publishAgain(sale.award());
        kit.awaitDeals(sale.buyer(), "buyer", 2, 1_000);
        assertThat(api.get("/api/v1/deals?role=buyer", sale.buyer().token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        // Both read the same contract, in Chinese and English, under one hash.
        Api.Response zh = api.get(
                "/api/v1/deals/" + sale.dealId() + "/contract?lang=zh",
                sale.seller().token());
        Api.Response en = api.get(
                "/api/v1/deals/" + sale.dealId() + "/contract?lang=en",
                sale.buyer().token());
        assertThat(zh.text("hash"))
                .isEqualTo(en.text("hash"))
                .isEqualTo(opened.path("contract").path("hash").asString());
        assertThat(zh.text("text")).contains("转让");
        assertThat(en.text("text")).contains("50,000.00");

        // Funding before signing is refused and moves nothing.
        Api.Response early = api.post(
                "/api/v1/deals/" + sale.dealId() + "/funding", sale.buyer().token(), Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("INVALID_STATUS_TRANSITION");

        // The seller signs, and cannot sign twice; the buyer signs and the deal is SIGNED.
        Api.Response sellerSigned = api.post(
                "/api/v1/deals/" + sale.dealId() + "/signatures", sale.seller().token(), Map.of());
        assertThat(sellerSigned.status()).as(sellerSigned.text()).isEqualTo(201);
        Api.Response twice = api.post(
                "/api/v1/deals/" + sale.dealId() + "/signatures", sale.seller().token(), Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_SIGNED");
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/signatures",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNED");

        // Anyone logged in verifies the seller's signature.
        String outsider = fixtures.verifiedOrg("ENTERPRISE").token();
        JsonNode verification = api.get(
                        "/api/v1/deals/" + sale.dealId() + "/signatures/" + sellerSigned.text("id") + "/verification",
                        outsider)
                .json();
        assertThat(verification.path("valid").asBoolean()).isTrue();

        // An outsider learns nothing of the deal; the seller cannot fund it.
        assertThat(api.get("/api/v1/deals/" + sale.dealId(), outsider).code()).isEqualTo("DEAL_NOT_FOUND");
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/funding",
                                sale.seller().token(),
                                Map.of())
                        .code())
                .isEqualTo("NOT_THE_BUYER");

        // The buyer funds escrow: the deposit counts, the rest comes from its available funds, once per key.
        Api.Response funded = api.send(
                "POST",
                "/api/v1/deals/" + sale.dealId() + "/funding",
                sale.buyer().token(),
                null,
                new byte[0]);
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        assertThat(funded.json().path("escrowBalance").path("amount").asString())
                .isEqualTo("50000.00");
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(50_000_00));

        // Accepting before delivery is refused; the seller delivers; the buyer accepts.
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/acceptance",
                                sale.buyer().token(),
                                Map.of())
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
        Api.Response delivered = kit.deliver(sale);
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        assertThat(delivered.json().path("acceptanceDeadline").isNull()).isFalse();
        Api.Response accepted = api.post(
                "/api/v1/deals/" + sale.dealId() + "/acceptance", sale.buyer().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);

        // The seller is paid less the venue's 1% fee, escrow is empty, and the buyer now owns the patent.
        JsonNode done = accepted.json();
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("escrowBalance").path("amount").asString()).isEqualTo("0.00");
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(49_500_00));
        assertThat(done.path("history").size()).isGreaterThanOrEqualTo(7);
        kit.assertInvariants(sale);
    }

    @Test
    void badRequestsAreRefusedWithStableCodesAndChangeNothing() {
        DealKit.Sale sale = kit.awardedAssignment(10_000_00, 1_000_00);
        kit.signByBoth(sale);
        String deal = "/api/v1/deals/" + sale.dealId();
        assertThat(api.get(deal + "/contract?lang=fr", sale.buyer().token()).code())
                .isEqualTo("INVALID_LANGUAGE");
        assertThat(api.get("/api/v1/deals?role=broker", sale.buyer().token()).code())
                .isEqualTo("INVALID_ROLE");
        assertThat(api.get(deal + "/signatures/nope/verification", sale.buyer().token())
                        .code())
                .isEqualTo("SIGNATURE_NOT_FOUND");
        assertThat(kit.deliver(sale).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        Api.Response badHash = api.post(
                deal + "/delivery",
                sale.seller().token(),
                Map.of("documents", java.util.List.of(Map.of("sha256", "xyz", "description", "deed"))));
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.code()).isEqualTo("INVALID_DOCUMENT_HASH");
        assertThat(api.post(deal + "/signatures", sale.buyer().token(), Map.of())
                        .code())
                .isEqualTo("DEAL_NOT_SIGNING");

        // Another organization is told the deal does not exist, whatever it tries.
        String outsider = fixtures.verifiedOrg("ENTERPRISE").token();
        Map<String, Map<String, Object>> steps = Map.of(
                "/signatures",
                Map.of(),
                "/funding",
                Map.of(),
                "/delivery",
                Map.of("documents", java.util.List.of(Map.of("sha256", "ab".repeat(32), "description", "deed"))),
                "/acceptance",
                Map.of(),
                "/disputes",
                Map.of("reasons", "none", "evidence", java.util.List.of()),
                "/registration",
                Map.of());
        for (var step : steps.entrySet()) {
            Api.Response refused = api.post(deal + step.getKey(), outsider, step.getValue());
            assertThat(refused.status())
                    .as(step.getKey() + " " + refused.text())
                    .isEqualTo(404);
            assertThat(refused.code()).isEqualTo("DEAL_NOT_FOUND");
        }
        assertThat(api.get(deal + "/contract", outsider).status()).isEqualTo(404);

        // The refusals changed nothing: the signed deal still funds normally.
        assertThat(kit.deal(sale).path("history").size()).isEqualTo(4);
        assertThat(api.post(deal + "/funding", sale.buyer().token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("FUNDED");
        kit.assertInvariants(sale);
    }
}
