package org.techmarket.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.venue.VenueKit.cny;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A venue's minimum and maximum fee bound the fee of a deal, not of each payment: an institute's development contract
 * paid in three instalments at a venue with a minimum pays the minimum once over the deal, and at a venue with a
 * maximum pays the maximum once; each payout carries its share and the last trues the sum up to the fen.
 */
class FeeOverTheDealIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    /** What the venue's fee account gained, and what the institute received, after each payout. */
    record Payouts(List<Long> fees, List<Long> toSeller) {}

    @Test
    void aMinimumIsPaidOnceOverAnInstalmentDeal() {
        // 1% of 300,000.00 is 3,000.00, under the minimum of 5,000.00: the deal's fee is 5,000.00, not 5,000.00 thrice.
        Payouts paid = instalmentDeal(schedule(100, "5000.00", "1000000.00"));
        // 5,000.00 × 100,000.00 / 300,000.00 = 1,666.666…, then the share after 200,000.01, then the rest.
        assertThat(paid.fees()).containsExactly(166_667L, 166_666L, 166_667L);
        assertThat(paid.fees().stream().mapToLong(Long::longValue).sum()).isEqualTo(500_000L);
        assertThat(paid.toSeller())
                .containsExactly(10_000_000L - 166_667L, 10_000_001L - 166_666L, 9_999_999L - 166_667L);
    }

    @Test
    void aMaximumIsPaidOnceOverAnInstalmentDeal() {
        // 10% of 300,000.00 is 30,000.00, over the maximum of 20,000.00; 10% of each instalment would be under it.
        Payouts paid = instalmentDeal(schedule(1_000, "0.00", "20000.00"));
        assertThat(paid.fees()).containsExactly(666_667L, 666_666L, 666_667L);
        assertThat(paid.fees().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000_000L);
        assertThat(paid.toSeller().stream().mapToLong(Long::longValue).sum()).isEqualTo(30_000_000L - 2_000_000L);
    }

    private static Map<String, Object> schedule(int basisPoints, String minimum, String maximum) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("defaultBasisPoints", basisPoints);
        s.put("rates", List.of());
        s.put("minimum", cny(minimum));
        s.put("maximum", cny(maximum));
        s.put("introducerShareBasisPoints", 0);
        return s;
    }

    /**
     * A development contract of 300,000.00 in instalments of 100,000.00, 100,000.01 and 99,999.99 at a new venue with
     * the schedule: the first paid by funding and released at acceptance, the others paid after completion.
     */
    private Payouts instalmentDeal(Map<String, Object> schedule) {
        VenueKit kit = new VenueKit(api, fixtures);
        VenueKit.Venue venue = kit.venue("320000", schedule);
        Org institute = kit.verifiedBy(venue, "RESEARCH_INSTITUTE");
        Org carmaker = kit.verifiedBy(venue, "ENTERPRISE");
        kit.cashIn(venue, carmaker, "400000.00");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("type", "DEVELOPMENT");
        proposal.put("clientId", carmaker.id());
        proposal.put("price", cny("300000.00"));
        proposal.put(
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
                                        cny("100000.01"),
                                        "dueDate",
                                        today.plusDays(60).toString()),
                                Map.of(
                                        "amount",
                                        cny("99999.99"),
                                        "dueDate",
                                        today.plusDays(120).toString()))));
        proposal.put("deliveryObligations", "A battery state-of-charge estimator with its source and test reports.");
        Api.Response proposed = api.post("/api/v1/deals", institute.token(), proposal);
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        String deal = proposed.text("id");
        for (Org party : List.of(institute, carmaker)) {
            assertThat(api.post("/api/v1/deals/" + deal + "/signatures", party.token(), Map.of())
                            .status())
                    .isEqualTo(201);
        }
        Api.Response funded = api.post("/api/v1/deals/" + deal + "/funding", carmaker.token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        Api.Response delivered = api.post(
                "/api/v1/deals/" + deal + "/delivery",
                institute.token(),
                Map.of("documents", List.of(Map.of("sha256", "ab".repeat(32), "description", "Source and reports"))));
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);

        List<Long> fees = new java.util.ArrayList<>();
        List<Long> toSeller = new java.util.ArrayList<>();
        long feesBefore = fees(venue);
        long sellerBefore = available(institute);
        Api.Response accepted = api.post("/api/v1/deals/" + deal + "/acceptance", carmaker.token(), Map.of());
        assertThat(accepted.text("status")).as(accepted.text()).isEqualTo("COMPLETED");
        fees.add(fees(venue) - feesBefore);
        toSeller.add(available(institute) - sellerBefore);
        for (int number : List.of(2, 3)) {
            feesBefore = fees(venue);
            sellerBefore = available(institute);
            Api.Response paid = api.post(
                    "/api/v1/deals/" + deal + "/instalments/" + number + "/payment",
                    carmaker.token(),
                    Map.of(),
                    Fixtures.unique("instalment"));
            assertThat(paid.status()).as(paid.text()).isEqualTo(200);
            fees.add(fees(venue) - feesBefore);
            toSeller.add(available(institute) - sellerBefore);
        }
        assertThat(ledger.balance(AccountId.escrow(deal, "CNY")).minor()).isZero();
        return new Payouts(fees, toSeller);
    }

    private long fees(VenueKit.Venue venue) {
        return ledger.balance(AccountId.fees(venue.id(), "CNY")).minor();
    }

    private long available(Org org) {
        return ledger.balance(AccountId.available(org.id(), "CNY")).minor();
    }
}
