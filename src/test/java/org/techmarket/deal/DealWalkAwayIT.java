package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.support.Race.race;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;

/**
 * After an award the buyer cannot walk away for free: alone it defaults and forfeits the deposit (to the seller,
 * less the venue fee) exactly as by not funding; a cancellation both parties sign, or the seller's alone, gives the
 * deposit back. Each deal: price 50,000.00, deposit 5,000.00, fee 1%, the buyer funded with 100,000.00.
 */
class DealWalkAwayIT extends DealIntegrationTest {

    private static final int RACERS = 6;

    @Autowired
    JdbcClient jdbc;

    private Api.Response cancel(DealKit.Sale sale, String token, Map<String, ?> body) {
        return api.post("/api/v1/deals/" + sale.dealId() + "/cancellation", token, body);
    }

    private Api.Response agree(DealKit.Sale sale, String token) {
        return api.post("/api/v1/deals/" + sale.dealId() + "/cancellation/agreement", token, Map.of());
    }

    private Money available(String organizationId) {
        return ledger.balance(AccountId.available(organizationId, "CNY"));
    }

    private Money held(String organizationId) {
        return ledger.balance(AccountId.held(organizationId, "CNY"));
    }

    private void assertForfeited(DealKit.Sale sale) {
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(available(sale.seller().id())).isEqualTo(Money.cny(4_950_00));
        assertThat(available(sale.buyer().id())).isEqualTo(Money.cny(95_000_00));
        assertThat(held(sale.buyer().id())).isEqualTo(Money.cny(0));
    }

    private void assertReleased(DealKit.Sale sale) {
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(sale.seller().id())).isEqualTo(Money.cny(0));
        assertThat(available(sale.buyer().id())).isEqualTo(Money.cny(100_000_00));
        assertThat(held(sale.buyer().id())).isEqualTo(Money.cny(0));
    }

    @Test
    void aBuyerWalkingAwayFromASignedDealAloneForfeitsTheDepositAsADefaultDoes() {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        kit.signByBoth(sale);

        Api.Response walked = cancel(sale, sale.buyer().token(), Map.of("reason", "We found a cheaper patent"));
        assertThat(walked.status()).as(walked.text()).isEqualTo(200);
        assertThat(walked.json().path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(walked.json().path("history").findValuesAsString("event"))
                .contains("BuyerWalkedAway", "RunnerUpMayBeOffered")
                .doesNotContain("DealCancelled");
        assertForfeited(sale);
        assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY"))).isEqualTo(Money.cny(0));
        assertThat(jdbc.sql("select payload from audit_event where subject = ? and type = 'BuyerWalkedAway'")
                        .param("deal:" + sale.dealId())
                        .query(String.class)
                        .single())
                .contains("\"depositForfeited\":\"5000.00\"", "\"from\":\"SIGNED\"");

        Api.Response again = cancel(sale, sale.buyer().token(), Map.of("reason", "once more"));
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        kit.assertInvariants(sale);
    }

    @Test
    void aBuyerWalkingAwayBeforeSigningForfeitsTooAndTheSellerMayOfferTheRunnerUp() {
        DealKit.Sale sale = kit.awardedAssignment(
                50_000_00, 5_000_00, Optional.of(kit.fundedBuyer("10.00").id()));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNING");

        Api.Response walked = cancel(sale, sale.buyer().token(), Map.of("reason", "Changed our mind"));
        assertThat(walked.status()).as(walked.text()).isEqualTo(200);
        assertForfeited(sale);
        Api.Response offered = api.post(
                "/api/v1/deals/" + sale.dealId() + "/runner-up-offer",
                sale.seller().token(),
                Map.of());
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        kit.assertInvariants(sale);
    }

    @Test
    void aCancellationBothPartiesSignReleasesTheDeposit() {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        kit.signByBoth(sale);

        Api.Response none = agree(sale, sale.seller().token());
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("CANCELLATION_NOT_PROPOSED");

        Api.Response proposed = cancel(
                sale, sale.buyer().token(), Map.of("reason", "The licence we need is elsewhere", "mutual", true));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(200);
        assertThat(proposed.json().path("status").asString()).isEqualTo("SIGNED");
        assertThat(proposed.json()
                        .path("cancellationProposal")
                        .path("proposedBy")
                        .asString())
                .isEqualTo(sale.buyer().id());
        assertThat(proposed.json().path("history").findValuesAsString("event")).contains("CancellationProposed");
        assertThat(held(sale.buyer().id())).isEqualTo(Money.cny(5_000_00));

        Api.Response own = agree(sale, sale.buyer().token());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("NOT_THE_COUNTERPARTY");
        Api.Response crossing = cancel(sale, sale.seller().token(), Map.of("reason", "Let us part", "mutual", true));
        assertThat(crossing.status()).isEqualTo(409);
        assertThat(crossing.code()).isEqualTo("CANCELLATION_ALREADY_PROPOSED");
        assertThat(agree(sale, ADMIN_TOKEN).status()).isEqualTo(403);

        Api.Response agreed = agree(sale, sale.seller().token());
        assertThat(agreed.status()).as(agreed.text()).isEqualTo(200);
        assertThat(agreed.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(agreed.json().path("cancellationProposal").isNull()).isTrue();
        assertThat(agreed.json().path("history").findValuesAsString("event"))
                .containsSubsequence("CancellationProposed", "DealCancelled");
        assertReleased(sale);
        assertThat(agree(sale, sale.seller().token()).code()).isEqualTo("INVALID_STATUS_TRANSITION");
        kit.assertInvariants(sale);
    }

    @Test
    void theSellerCancellingAloneReleasesTheDepositToTheBuyer() {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        kit.signByBoth(sale);
        Api.Response cancelled = cancel(sale, sale.seller().token(), Map.of("reason", "The patent was revoked"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertReleased(sale);
        kit.assertInvariants(sale);
    }

    @Test
    void theBuyersWalkAwayRacingTheSellersAgreementEndsTheDealOnceOneWayOrTheOther() throws Exception {
        for (int round = 0; round < 3; round++) {
            DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
            kit.signByBoth(sale);
            assertThat(cancel(sale, sale.buyer().token(), Map.of("reason", "Part as friends", "mutual", true))
                            .status())
                    .isEqualTo(200);
            List<Integer> statuses = race(
                    RACERS,
                    i -> i % 2 == 0
                            ? () -> cancel(sale, sale.buyer().token(), Map.of("reason", "Leaving now"))
                                    .status()
                            : () -> agree(sale, sale.seller().token()).status());
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(RACERS - 1);
            if (kit.deal(sale).path("status").asString().equals("DEFAULTED")) {
                assertForfeited(sale);
            } else {
                assertReleased(sale);
            }
            kit.assertInvariants(sale);
        }
    }

    @Test
    void theBuyersWalkAwayRacingItsFundingEitherFundsOrForfeits() throws Exception {
        for (int round = 0; round < 3; round++) {
            DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
            kit.signByBoth(sale);
            List<Integer> statuses = race(
                    RACERS,
                    i -> i % 2 == 0
                            ? () -> cancel(sale, sale.buyer().token(), Map.of("reason", "Leaving now"))
                                    .status()
                            : () -> api.post(
                                            "/api/v1/deals/" + sale.dealId() + "/funding",
                                            sale.buyer().token(),
                                            Map.of())
                                    .status());
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            if (kit.deal(sale).path("status").asString().equals("DEFAULTED")) {
                assertForfeited(sale);
            } else {
                assertThat(kit.deal(sale).path("status").asString()).isEqualTo("FUNDED");
                assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY")))
                        .isEqualTo(Money.cny(50_000_00));
                assertThat(available(sale.buyer().id())).isEqualTo(Money.cny(50_000_00));
                assertThat(held(sale.buyer().id())).isEqualTo(Money.cny(0));
            }
            kit.assertInvariants(sale);
        }
    }
}
