package org.techmarket.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A university has its patent valued: a licence the market completed on a patent of the same IPC main group is a
 * comparable, the income and cost approaches follow the worked example of docs/valuation.md to the fen, and the
 * report is stored, audited and read by those who may; bad input is refused and nothing is stored.
 */
class ValuationIT extends IntegrationTest {

    /** An IPC main group of this test's own, so that no other test's deal is a comparable. */
    private final String ipcGroup = "C12N " + ThreadLocalRandom.current().nextInt(1000, 10000);

    @Test
    void aCompletedLicenceInTheSameGroupIsAComparableAndTheReportIsStoredAuditedAndRead() {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        String patent = patent(university);
        completedOpenLicence(fixtures.verifiedOrg("RESEARCH_INSTITUTE"), "15000.00");
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long before = audit.head();

        Api.Response valued = api.post(
                "/api/v1/assets/" + patent + "/valuations", university.token(), request("0.05", "800000.00", "0.35"));

        assertThat(valued.status()).as(valued.text()).isEqualTo(201);
        JsonNode report = valued.json();
        String id = report.path("id").asString();
        assertThat(valued.header("Location")).isEqualTo("/api/v1/valuations/" + id);
        assertThat(report.path("assetId").asString()).isEqualTo(patent);
        assertThat(report.path("valuationDate").asString()).isEqualTo("2026-06-30");
        assertThat(amount(report.path("income").path("value"))).isEqualTo("234912.24");
        assertThat(report.path("income").path("years").size()).isEqualTo(5);
        assertThat(report.path("income").path("rateSource").asString()).isEqualTo("GIVEN");
        assertThat(amount(report.path("cost").path("value"))).isEqualTo("520000.00");

        JsonNode comparables = report.path("market").path("comparables");
        assertThat(comparables.size()).isEqualTo(1);
        assertThat(comparables.get(0).path("grantKind").asString()).isEqualTo("OPEN_LICENCE");
        assertThat(comparables.get(0).path("sameAsset").asBoolean()).isFalse();
        assertThat(amount(comparables.get(0).path("price"))).isEqualTo("15000.00");
        assertThat(comparables.get(0).path("exclusivityFactor").asString()).isEqualTo("2.50");
        BigDecimal market = new BigDecimal(amount(report.path("market").path("value")));
        assertThat(market)
                .isEqualByComparingTo(new BigDecimal("15000.00")
                        .multiply(new BigDecimal(
                                comparables.get(0).path("lifeFactor").asString()))
                        .multiply(new BigDecimal("2.50"))
                        .setScale(2, RoundingMode.HALF_UP));

        // One comparable is a thin market: base weights 20, 40, 20 of 80.
        JsonNode weights = report.path("reconciliation").path("weights");
        assertThat(weights.findValuesAsString("approach")).containsExactly("MARKET", "INCOME", "COST");
        assertThat(weights.findValues("weightBasisPoints"))
                .extracting(JsonNode::asInt)
                .containsExactly(2500, 5000, 2500);
        BigDecimal reconciled = market.multiply(new BigDecimal("0.25"))
                .add(new BigDecimal("234912.24").multiply(new BigDecimal("0.5")))
                .add(new BigDecimal("520000.00").multiply(new BigDecimal("0.25")))
                .setScale(2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(amount(report.path("reconciliation").path("value"))))
                .isEqualByComparingTo(reconciled);
        assertThat(amount(report.path("reconciliation").path("low"))).isEqualTo(min(market, "234912.24"));

        assertThat(audit.types(before, "valuation:" + id)).containsExactly("AssetValued");
        Api.Response read = api.get("/api/v1/valuations/" + id, university.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(report);
        JsonNode list = api.get("/api/v1/assets/" + patent + "/valuations", university.token())
                .json()
                .path("items");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0)).isEqualTo(report);

        String regulator = fixtures.regulator();
        assertThat(api.get("/api/v1/valuations/" + id, regulator).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/assets/" + patent + "/valuations", ADMIN_TOKEN)
                        .status())
                .isEqualTo(200);
        Api.Response byRegulator =
                api.post("/api/v1/assets/" + patent + "/valuations", regulator, request("0.05", null, null));
        assertThat(byRegulator.status()).isEqualTo(403);

        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response hidden = api.get("/api/v1/valuations/" + id, stranger.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("VALUATION_NOT_FOUND");
        assertThat(api.get("/api/v1/assets/" + patent + "/valuations", stranger.token())
                        .code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/v1/assets/" + patent + "/valuations", stranger.token(), request("0.05", null, null))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/assets/" + patent + "/valuations", university.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithItsCodeAndNothingIsStored() {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        String patent = patent(university);
        String path = "/api/v1/assets/" + patent + "/valuations";

        assertRefused(path, university, with("inputs", inputs("-0.01", "0.05", null, null)), "INVALID_DISCOUNT_RATE");
        Map<String, Object> empty = inputs("0.12", "0.05", null, null);
        empty.put("revenueForecast", List.of());
        assertRefused(path, university, with("inputs", empty), "EMPTY_REVENUE_FORECAST");
        assertRefused(path, university, with("valuationDate", "30/06/2026"), "INVALID_VALUATION_DATE");
        assertRefused(
                path, university, with("inputs", inputs("0.12", null, "800000.00", "1.2")), "INVALID_OBSOLESCENCE");
        assertRefused(path, university, with("inputs", inputs("0.12", "0", null, null)), "ROYALTY_RATE_OUT_OF_RANGE");
        assertRefused(path, university, with("purpose", "BRAGGING"), "UNKNOWN_VALUATION_PURPOSE");
        assertRefused(path, university, with("valuationDate", "9999-01-01"), "DATE_BEYOND_HORIZON");

        Api.Response unknown = api.post(
                "/api/v1/assets/" + Fixtures.unique("no-such-asset") + "/valuations",
                university.token(),
                request("0.05", null, null));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");

        Api.Response noEvidence = api.post(path, university.token(), request(null, null, null));
        assertThat(noEvidence.status()).as(noEvidence.text()).isEqualTo(422);
        assertThat(noEvidence.code()).isEqualTo("NO_VALUATION_EVIDENCE");

        assertThat(api.get(path, university.token()).json().path("items").size())
                .isZero();
    }

    private void assertRefused(String path, Fixtures.Org org, Map<String, Object> body, String code) {
        Api.Response refused = api.post(path, org.token(), body);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo(code);
    }

    private String patent(Fixtures.Org owner) {
        Map<String, Object> asset = Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("ipc", List.of(ipcGroup + "/00"));
        asset.put("industries", List.of());
        asset.put("expiresOn", "2031-03-01");
        Api.Response created = fixtures.registerAsset(owner, asset);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    /** A patent of the group, licensed openly for a lump sum, the licence's deal completed. */
    private void completedOpenLicence(Fixtures.Org owner, String fee) {
        String patent = patent(owner);
        Api.Response declared = api.put(
                "/api/v1/assets/" + patent + "/open-licence",
                owner.token(),
                Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", cny(fee)), "termMonths", 60),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(licensee, fee);
        Api.Response taken =
                api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String[] dealId = new String[1];
        org.techmarket.support.Eventually.await("the licence's deal opens", java.time.Duration.ofSeconds(10), () -> {
            JsonNode items =
                    api.get("/api/v1/deals?role=buyer", licensee.token()).json().path("items");
            dealId[0] = items.size() == 1 ? items.get(0).path("id").asString() : null;
            return dealId[0] != null;
        });
        String deal = "/api/v1/deals/" + dealId[0];
        assertThat(api.post(deal + "/signatures", owner.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(deal + "/signatures", licensee.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(deal + "/funding", licensee.token(), Map.of()).status())
                .isEqualTo(200);
        Map<String, Object> certificate = Map.of("sha256", "cd".repeat(32), "description", "Licence certificate");
        assertThat(api.post(deal + "/delivery", owner.token(), Map.of("documents", List.of(certificate)))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(deal + "/acceptance", licensee.token(), Map.of());
        assertThat(accepted.json().path("status").asString())
                .as(accepted.text())
                .isEqualTo("COMPLETED");
    }

    private static Map<String, Object> request(String royaltyRate, String reproductionCost, String obsolescence) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", "TRANSFER");
        body.put("valuationDate", "2026-06-30");
        body.put("inputs", inputs("0.12", royaltyRate, reproductionCost, obsolescence));
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = request("0.05", null, null);
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> inputs(
            String discountRate, String royaltyRate, String reproductionCost, String obsolescence) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("revenueForecast", List.of("1000000.00", "1200000.00", "1500000.00", "1500000.00", "1500000.00"));
        inputs.put("discountRate", discountRate);
        inputs.put("royaltyRate", royaltyRate);
        inputs.put("reproductionCost", reproductionCost);
        inputs.put("obsolescence", obsolescence);
        return inputs;
    }

    private static Map<String, Object> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static String amount(JsonNode money) {
        return money.path("amount").asString();
    }

    private static String min(BigDecimal a, String b) {
        return a.min(new BigDecimal(b)).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
