package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/** A deal is cancelled before it is funded (the deposit goes back), and a completed licence is terminated. */
class DealEndingIT extends DealIntegrationTest {

    private Api.Response cancel(DealKit.Sale sale, String token, Map<String, ?> body) {
        return api.post("/api/v1/deals/" + sale.dealId() + "/cancellation", token, body);
    }

    @Test
    void eitherPartyCancelsADealInSigningAndTheDepositGoesBackToTheBuyer() {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNING");
        assertThat(ledger.balance(AccountId.held(sale.buyer().id(), "CNY"))).isEqualTo(Money.cny(5_000_00));

        Api.Response cancelled = cancel(sale, sale.seller().token(), Map.of("reason", "The board did not approve"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("history").findValuesAsString("event")).contains("DealCancelled");
        assertThat(ledger.balance(AccountId.held(sale.buyer().id(), "CNY"))).isEqualTo(Money.cny(0));
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(100_000_00));
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(0));

        Api.Response again = cancel(sale, sale.buyer().token(), Map.of("reason", "once more"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        Api.Response signing = api.post(
                "/api/v1/deals/" + sale.dealId() + "/signatures", sale.buyer().token(), Map.of());
        assertThat(signing.status()).isEqualTo(409);
        kit.assertInvariants(sale);
    }

    @Test
    void aSignedDealIsCancelledByAnOperatorAndOutsidersAndMissingReasonsAreRefused() {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00, Optional.empty());
        kit.signByBoth(sale);
        Fixtures.Org outsider = kit.fundedBuyer("10.00");

        Api.Response stranger = cancel(sale, outsider.token(), Map.of("reason", "I would like to"));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("DEAL_NOT_FOUND");
        Api.Response noReason = cancel(sale, sale.buyer().token(), Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("INVALID_REASON");
        Api.Response blank = cancel(sale, sale.buyer().token(), Map.of("reason", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNED");

        Api.Response byOperator = cancel(sale, ADMIN_TOKEN, Map.of("reason", "The seller's patent lapsed"));
        assertThat(byOperator.status()).as(byOperator.text()).isEqualTo(200);
        assertThat(byOperator.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(100_000_00));
        kit.assertInvariants(sale);
    }

    @Test
    void aFundedDealIsNotCancelledAndItsEscrowStays() {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00);
        kit.signByBoth(sale);
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/funding",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);

        Api.Response refused = cancel(sale, sale.buyer().token(), Map.of("reason", "Changed my mind"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("FUNDED");
        assertThat(ledger.balance(AccountId.escrow(sale.dealId(), "CNY"))).isEqualTo(Money.cny(30_000_00));
        kit.assertInvariants(sale);
    }

    @Test
    void aCompletedAssignmentIsNotTerminated() {
        DealKit.Sale sale = kit.awardedAssignment(10_000_00, 1_000_00);
        kit.signByBoth(sale);
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/funding",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(kit.deliver(sale).status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/acceptance",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);

        Api.Response refused = api.post(
                "/api/v1/deals/" + sale.dealId() + "/termination",
                sale.seller().token(),
                Map.of("reason", "Breach", "effectiveOn", DealKit.today().toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("TERMINATION_NOT_ALLOWED");
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("COMPLETED");
        kit.assertInvariants(sale);
    }

    @Test
    void aCompletedLicenceIsTerminatedFromADateAndOnlyOnce() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String patent = kit.patent(owner);
        assertThat(api.put(
                                "/api/v1/assets/" + patent + "/open-licence",
                                owner.token(),
                                Map.of(
                                        "royalty",
                                        Map.of(
                                                "type",
                                                "LUMP_SUM",
                                                "amount",
                                                Map.of("amount", "1000.00", "currency", "CNY")),
                                        "termMonths",
                                        12),
                                null)
                        .status())
                .isEqualTo(201);
        Fixtures.Org licensee = kit.fundedBuyer("5000.00");
        assertThat(api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of())
                        .status())
                .isEqualTo(201);
        String path = "/api/v1/deals/"
                + kit.awaitDeals(licensee, "buyer", 1).get(0).path("id").asString();
        Map<String, String> termination = Map.of(
                "reason",
                "Licensee breached the field of use",
                "effectiveOn",
                DealKit.today().plusDays(30).toString());

        Api.Response early = api.post(path + "/termination", owner.token(), termination);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("INVALID_STATUS_TRANSITION");

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
                                        List.of(Map.of(
                                                "sha256", "ef".repeat(32), "description", "Licence certificate"))))
                        .status())
                .isEqualTo(200);
        assertThat(api.post(path + "/acceptance", licensee.token(), Map.of()).status())
                .isEqualTo(200);

        Api.Response past = api.post(
                path + "/termination",
                owner.token(),
                Map.of(
                        "reason",
                        "Breach",
                        "effectiveOn",
                        DealKit.today().minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.code()).isEqualTo("INVALID_TERMINATION_DATE");
        Api.Response noReason = api.post(
                path + "/termination",
                owner.token(),
                Map.of("effectiveOn", DealKit.today().toString()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("INVALID_REASON");
        Fixtures.Org outsider = kit.fundedBuyer("10.00");
        assertThat(api.post(path + "/termination", outsider.token(), termination)
                        .status())
                .isEqualTo(404);

        Api.Response terminated = api.post(path + "/termination", owner.token(), termination);
        assertThat(terminated.status()).as(terminated.text()).isEqualTo(200);
        assertThat(terminated.json().path("status").asString()).isEqualTo("TERMINATED");
        assertThat(terminated.json().path("history").findValuesAsString("event"))
                .contains("LicenceTerminated");
        Api.Response grants = api.get("/api/v1/assets/" + patent + "/grants", owner.token());
        assertThat(grants.json().path("items").size()).isEqualTo(1);
        assertThat(grants.json().path("items").get(0).path("granteeId").asString())
                .isEqualTo(licensee.id());
        assertThat(grants.json().path("items").get(0).path("terminatedFrom").asString())
                .as("the licence ends when the deal is terminated")
                .isEqualTo(termination.get("effectiveOn"));
        Api.Response again = api.post(path + "/termination", licensee.token(), termination);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(ledger.balance(AccountId.available(licensee.id(), "CNY"))).isEqualTo(Money.cny(4_000_00));
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }
}
