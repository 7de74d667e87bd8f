package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The completed deals a valuer compares: a sold patent and a running-royalty licence count once completed, with the
 * day they completed and the licence's rate; a deal still being signed does not, nor a deal in another currency.
 */
class ComparableDealsIT extends DealIntegrationTest {

    @Autowired
    ComparableDeals comparableDeals;

    @Test
    void completedDealsWithTheirPriceRightAndRoyaltyRateNewestFirst() {
        DealKit.Sale sold = kit.awardedAssignment(5_000_00, 500_00);
        complete(sold.seller(), sold.buyer(), sold.dealId());
        DealKit.Sale signing = kit.awardedAssignment(7_000_00, 700_00);
        Fixtures.Org licensor = fixtures.verifiedOrg("UNIVERSITY");
        String licensed = kit.patent(licensor);
        String royaltyDeal = royaltyLicence(licensor, licensed);
        List<String> assets = List.of(sold.assetId(), signing.assetId(), licensed);

        List<CompletedDeal> found = comparableDeals.completedOn(assets, "CNY", 10);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(found).extracting(CompletedDeal::dealId).containsExactly(royaltyDeal, sold.dealId());
        CompletedDeal licence = found.get(0);
        assertThat(licence.assetId()).isEqualTo(licensed);
        assertThat(licence.grantKind()).isEqualTo(GrantKind.OPEN_LICENCE);
        assertThat(licence.price()).isEqualTo(Money.cny(0));
        assertThat(licence.royaltyBasisPoints()).contains(500);
        assertThat(licence.scopeEnd()).isPresent();
        CompletedDeal sale = found.get(1);
        assertThat(sale.assetId()).isEqualTo(sold.assetId());
        assertThat(sale.grantKind()).isEqualTo(GrantKind.ASSIGNMENT);
        assertThat(sale.price()).isEqualTo(Money.cny(5_000_00));
        assertThat(sale.royaltyBasisPoints()).isEqualTo(Optional.empty());
        assertThat(sale.completedOn()).isBetween(today.minusDays(1), today);

        assertThat(comparableDeals.completedOn(assets, "CNY", 1))
                .extracting(CompletedDeal::dealId)
                .containsExactly(royaltyDeal);
        assertThat(comparableDeals.completedOn(assets, "USD", 10)).isEmpty();
        assertThat(comparableDeals.completedOn(List.of(signing.assetId()), "CNY", 10))
                .isEmpty();
        assertThat(comparableDeals.completedOn(List.of(), "CNY", 10)).isEmpty();
    }

    /** A licence on 5 % of revenue (at least 4,000.00 a year) taken on the patent, its deal completed; its id. */
    private String royaltyLicence(Fixtures.Org licensor, String patent) {
        Api.Response declared = api.put(
                "/api/v1/assets/" + patent + "/open-licence",
                licensor.token(),
                Map.of(
                        "royalty",
                        Map.of(
                                "type",
                                "PERCENT_OF_REVENUE",
                                "percent",
                                "5",
                                "minimumPerYear",
                                Map.of("amount", "4000", "currency", "CNY")),
                        "termMonths",
                        24),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        Fixtures.Org licensee = kit.fundedBuyer("100.00");
        Api.Response taken =
                api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        JsonNode opened = kit.awaitDeals(licensee, "buyer", 1);
        assertThat(opened.size()).isEqualTo(1);
        String dealId = opened.get(0).path("id").asString();
        complete(licensor, licensee, dealId);
        return dealId;
    }

    private void complete(Fixtures.Org seller, Fixtures.Org buyer, String dealId) {
        String deal = "/api/v1/deals/" + dealId;
        if (api.get(deal, seller.token()).json().path("status").asString().equals("SIGNING")) {
            assertThat(api.post(deal + "/signatures", seller.token(), Map.of()).status())
                    .isEqualTo(201);
            assertThat(api.post(deal + "/signatures", buyer.token(), Map.of()).status())
                    .isEqualTo(201);
        }
        Api.Response funded = api.post(deal + "/funding", buyer.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        Map<String, Object> document = Map.of("sha256", "9a".repeat(32), "description", "Patent certificate");
        assertThat(api.post(deal + "/delivery", seller.token(), Map.of("documents", List.of(document)))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(deal + "/acceptance", buyer.token(), Map.of());
        assertThat(accepted.json().path("status").asString())
                .as(accepted.text())
                .isEqualTo("COMPLETED");
    }
}
