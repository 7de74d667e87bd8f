package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A research institute develops a battery-management algorithm for a carmaker under a commissioned development
 * contract it proposes directly: no listing, no asset, no rights passing. The carmaker agrees by signing, pays in two
 * instalments through escrow, accepts the delivered work, and the contract is registered with the venue as technology
 * development, which is not transfer income. The proposals that are refused change nothing.
 */
class DirectContractIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private static final String WORK = "Develop and deliver a state-of-charge estimation algorithm for 800 V battery"
            + " packs, with source code, test reports and two days of training for the client's engineers.";

    private Map<String, Object> proposal(String type, String clientId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("clientId", clientId);
        body.put("price", cny("300000.00"));
        body.put(
                "paymentTerms",
                Map.of(
                        "kind",
                        "INSTALMENTS",
                        "instalments",
                        List.of(
                                Map.of(
                                        "amount",
                                        cny("100000.00"),
                                        "dueDate",
                                        today.plusDays(7).toString()),
                                Map.of(
                                        "amount",
                                        cny("200000.00"),
                                        "dueDate",
                                        today.plusDays(120).toString()))));
        body.put("deliveryObligations", WORK);
        body.put("acceptancePeriodDays", 15);
        body.put("workEndsOn", today.plusDays(180).toString());
        return body;
    }

    private long available(Org org) {
        return ledger.balance(AccountId.available(org.id(), "CNY")).minor();
    }

    private long dealsOf(Org org) {
        return jdbc.sql("select count(*) from deal where seller_id = ? or buyer_id = ?")
                .params(org.id(), org.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aCommissionedDevelopmentFromProposalToRegistration() {
        Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org carmaker = new NegotiationKit(api, fixtures).buyer("500000.00");

        Api.Response proposed = api.post("/api/v1/deals", institute.token(), proposal("DEVELOPMENT", carmaker.id()));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String dealId = proposed.text("id");
        assertThat(proposed.header("Location")).isEqualTo("/api/v1/deals/" + dealId);
        assertThat(proposed.text("status")).isEqualTo("SIGNING");
        assertThat(proposed.text("mechanism")).isEqualTo("DIRECT");
        assertThat(proposed.json().path("seller").path("organizationId").asString())
                .isEqualTo(institute.id());
        assertThat(proposed.json().path("buyer").path("organizationId").asString())
                .isEqualTo(carmaker.id());
        JsonNode contract = proposed.json().path("contract");
        assertThat(contract.path("type").asString()).isEqualTo("DEVELOPMENT");
        assertThat(contract.path("grantKind").isNull()).isTrue();
        assertThat(contract.path("assets").size()).isZero();
        assertThat(contract.path("deliveryObligations").asString()).isEqualTo(WORK);
        assertThat(contract.path("acceptancePeriodDays").asInt()).isEqualTo(15);
        assertThat(contract.path("schedule").path("instalments").size()).isEqualTo(2);
        String zh = api.get("/api/v1/deals/" + dealId + "/contract?lang=zh", carmaker.token())
                .json()
                .path("text")
                .asString();
        assertThat(zh).contains("技术开发（委托）合同").contains("研究开发人").contains("委托人");
        assertThat(api.get("/api/v1/deals/" + dealId, carmaker.token())
                        .json()
                        .path("history")
                        .valueStream()
                        .map(step -> step.path("event").asString())
                        .toList())
                .contains("DealOpened", "ContractProposed");

        for (Org party : List.of(institute, carmaker)) {
            assertThat(api.post("/api/v1/deals/" + dealId + "/signatures", party.token(), Map.of())
                            .status())
                    .isEqualTo(201);
        }
        Api.Response registered = api.post("/api/v1/deals/" + dealId + "/registration", institute.token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.text("contractType")).isEqualTo("DEVELOPMENT");
        assertThat(registered.json().path("qualifiesAsTechnologyTransferIncome").asBoolean())
                .isFalse();
        assertThat(registered.json().path("transactionAmount").path("amount").asString())
                .isEqualTo("300000.00");

        long carmakerBefore = available(carmaker);
        long instituteBefore = available(institute);
        assertThat(api.post("/api/v1/deals/" + dealId + "/funding", carmaker.token(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(carmakerBefore - available(carmaker)).isEqualTo(10_000_000L);
        assertThat(api.post(
                                "/api/v1/deals/" + dealId + "/instalments/2/payment",
                                carmaker.token(),
                                Map.of(),
                                Fixtures.unique("k"))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/deals/" + dealId + "/delivery",
                                institute.token(),
                                Map.of(
                                        "documents",
                                        List.of(Map.of(
                                                "sha256",
                                                "ef".repeat(32),
                                                "description",
                                                "Algorithm source, test reports"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/deals/" + dealId + "/acceptance", carmaker.token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("COMPLETED");
        assertThat(accepted.json().path("grants").size()).isZero();
        assertThat(carmakerBefore - available(carmaker)).isEqualTo(30_000_000L);
        // 1% to the venue.
        assertThat(available(institute) - instituteBefore).isEqualTo(29_700_000L);
    }

    @Test
    void refusedProposalsChangeNothing() {
        Org institute = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org client = fixtures.verifiedOrg("ENTERPRISE");
        Org unverified = fixtures.registerOrg("ENTERPRISE");
        record Case(String what, Org by, Map<String, Object> body, int status, String code) {}
        Map<String, Object> noWork = proposal("SERVICE", client.id());
        noWork.remove("deliveryObligations");
        Map<String, Object> free = proposal("CONSULTING", client.id());
        free.put("price", cny("0.00"));
        free.remove("paymentTerms");
        Map<String, Object> wrongSum = proposal("CONSULTING", client.id());
        wrongSum.put("price", cny("299999.99"));
        Map<String, Object> pastEnd = proposal("SERVICE", client.id());
        pastEnd.put("workEndsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        Map<String, Object> longAcceptance = proposal("SERVICE", client.id());
        longAcceptance.put("acceptancePeriodDays", 400);
        for (Case c : List.of(
                new Case("a transfer", institute, proposal("TRANSFER", client.id()), 400, "DIRECT_TYPE_NOT_ALLOWED"),
                new Case("a licence", institute, proposal("LICENSING", client.id()), 400, "DIRECT_TYPE_NOT_ALLOWED"),
                new Case("no such type", institute, proposal("RESEARCH", client.id()), 400, "INVALID_CONTRACT_TYPE"),
                new Case("with itself", institute, proposal("DEVELOPMENT", institute.id()), 400, "SAME_PARTY"),
                new Case("an unknown client", institute, proposal("DEVELOPMENT", "no-such-org"), 404, null),
                new Case(
                        "an unverified client",
                        institute,
                        proposal("SERVICE", unverified.id()),
                        409,
                        "COUNTERPARTY_NOT_VERIFIED"),
                new Case(
                        "by an unverified provider",
                        unverified,
                        proposal("SERVICE", client.id()),
                        403,
                        "ORGANIZATION_NOT_VERIFIED"),
                new Case("no work described", institute, noWork, 400, "FIELD_REQUIRED"),
                new Case("for nothing", institute, free, 400, "INVALID_AMOUNT"),
                new Case("instalments that miss the price", institute, wrongSum, 400, "INSTALMENTS_SUM_MISMATCH"),
                new Case("work ending yesterday", institute, pastEnd, 400, "INVALID_TERM"),
                new Case("a 400-day acceptance period", institute, longAcceptance, 400, "INVALID_ACCEPTANCE_PERIOD"))) {
            Api.Response refused = api.post("/api/v1/deals", c.by().token(), c.body());
            assertThat(refused.status()).as(c.what() + ": " + refused.text()).isEqualTo(c.status());
            if (c.code() != null) {
                assertThat(refused.code()).as(c.what()).isEqualTo(c.code());
            }
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(dealsOf(institute)).isZero();
        assertThat(dealsOf(client)).isZero();
        assertThat(api.post("/api/v1/deals", null, proposal("SERVICE", client.id()))
                        .status())
                .isEqualTo(401);
    }
}
