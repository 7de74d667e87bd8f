package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.ledger.AccountId;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/** Taking an open licence with a fee opens a licensing deal that settles the fee; the licence is not granted twice. */
class DealOpenLicenceIT extends DealIntegrationTest {

    @Test
    void anOpenLicenceTakenIsSettledThroughADealAndItsGrantIsTheOnlyOne() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String patent = kit.patent(owner);
        Api.Response declared = api.put(
                "/api/v1/assets/" + patent + "/open-licence",
                owner.token(),
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "1250.00", "currency", "CNY")),
                        "termMonths",
                        12),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        Fixtures.Org licensee = kit.fundedBuyer("5000.00");
        Api.Response taken =
                api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String grantId = taken.text("id");

        JsonNode deals = kit.awaitDeals(licensee, "buyer", 1);
        assertThat(deals.size()).isEqualTo(1);
        String dealId = deals.get(0).path("id").asString();
        JsonNode deal = api.get("/api/v1/deals/" + dealId, licensee.token()).json();
        assertThat(deal.path("mechanism").asString()).isEqualTo("OPEN_LICENCE");
        assertThat(deal.path("openLicenceGrantId").asString()).isEqualTo(grantId);
        assertThat(deal.path("contract").path("type").asString()).isEqualTo("LICENSING");
        assertThat(deal.path("contract").path("licenceKind").asString()).isEqualTo("NON_EXCLUSIVE");
        assertThat(deal.path("contract").path("price").path("amount").asString())
                .isEqualTo("1250.00");
        assertThat(api.get("/api/v1/deals?role=seller", owner.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        // The same event again opens nothing more.
        transactions.executeWithoutResult(tx ->
                events.publishEvent(new OpenLicenceTaken(grantId, "d", patent, licensee.id(), Money.cny(125_000))));
        kit.awaitDeals(licensee, "buyer", 2, 1_000);
        assertThat(api.get("/api/v1/deals?role=buyer", licensee.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        String path = "/api/v1/deals/" + dealId;
        assertThat(api.post(path + "/signatures", owner.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(path + "/signatures", licensee.token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(api.post(path + "/funding", licensee.token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post(
                                path + "/delivery",
                                owner.token(),
                                Map.of(
                                        "documents",
                                        java.util.List.of(Map.of(
                                                "sha256", "ef".repeat(32), "description", "Licence certificate"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", licensee.token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(accepted.json().path("grants").get(0).path("grantId").asString())
                .isEqualTo(grantId);
        assertThat(ledger.balance(AccountId.available(owner.id(), "CNY"))).isEqualTo(Money.cny(1_237_50));
        assertThat(ledger.balance(AccountId.available(licensee.id(), "CNY"))).isEqualTo(Money.cny(3_750_00));

        JsonNode grants = api.get("/api/v1/assets/" + patent + "/grants", ADMIN_TOKEN)
                .json()
                .path("items");
        assertThat(grants.size()).isEqualTo(1);
        assertThat(grants.get(0).path("id").asString()).isEqualTo(grantId);
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }
}
