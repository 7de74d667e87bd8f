package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.support.Race.race;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.AutomaticAcceptance;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;

/** Funding, acceptance and automatic acceptance racing each other: money moves once and rights change once. */
class DealRaceIT extends DealIntegrationTest {

    private static final int RACERS = 8;

    @Autowired
    AutomaticAcceptance automaticAcceptance;

    @Test
    void racingFundingRequestsFundEscrowOnce() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00);
        kit.signByBoth(sale);
        List<Integer> statuses = race(
                RACERS,
                i -> () -> api.post(
                                "/api/v1/deals/" + sale.dealId() + "/funding",
                                sale.buyer().token(),
                                Map.of())
                        .status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(RACERS - 1);
        assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY"))).isEqualTo(Money.cny(20_000_00));
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(80_000_00));
        kit.assertInvariants(sale);
    }

    @Test
    void aRepeatedFundingKeyReplaysTheFirstAnswerAndMovesNothingMore() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00);
        kit.signByBoth(sale);
        HttpResponse<String> first = fundWithKey(sale, "fund-" + sale.dealId());
        HttpResponse<String> again = fundWithKey(sale, "fund-" + sale.dealId());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY"))).isEqualTo(Money.cny(20_000_00));
        kit.assertInvariants(sale);
    }

    @Test
    void acceptanceByTheBuyerAndByTheLapsedPeriodCompleteTheDealOnce() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00);
        kit.signByBoth(sale);
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/funding",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(kit.deliver(sale).status()).isEqualTo(200);
        Instant lapsed = Instant.now().plus(Duration.ofDays(60));
        List<Integer> outcomes = race(
                RACERS,
                i -> i % 2 == 0
                        ? () -> api.post(
                                        "/api/v1/deals/" + sale.dealId() + "/acceptance",
                                        sale.buyer().token(),
                                        Map.of())
                                .status()
                        : () -> automaticAcceptance.acceptLapsed(lapsed) > 0 ? 200 : 0);
        assertThat(outcomes).filteredOn(s -> s == 200).hasSize(1);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(29_700_00));
        assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY"))).isEqualTo(Money.cny(0));
        kit.assertInvariants(sale);
    }

    @Test
    void theJobAcceptsADeliveryOnceItsPeriodHasLapsedAndNotBefore() {
        DealKit.Sale sale = kit.awardedAssignment(10_000_00, 1_000_00);
        kit.signByBoth(sale);
        api.post("/api/v1/deals/" + sale.dealId() + "/funding", sale.buyer().token(), Map.of());
        kit.deliver(sale);
        automaticAcceptance.acceptLapsed(Instant.now().plus(Duration.ofDays(13)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DELIVERED");
        automaticAcceptance.acceptLapsed(Instant.now().plus(Duration.ofDays(15)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(kit.deal(sale).path("history").findValuesAsString("event"))
                .contains("DeliveryAcceptedAutomatically");
        kit.assertInvariants(sale);
    }

    private HttpResponse<String> fundWithKey(DealKit.Sale sale, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/deals/" + sale.dealId() + "/funding"))
                .header("Authorization", "Bearer " + sale.buyer().token())
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
