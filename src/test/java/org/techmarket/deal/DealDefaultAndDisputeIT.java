package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.AutomaticAcceptance;
import org.techmarket.deal.application.FundingDefaults;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;

/** A buyer who never funds defaults and forfeits its deposit; a disputed deal is split or refunded by an operator. */
class DealDefaultAndDisputeIT extends DealIntegrationTest {

    @Autowired
    FundingDefaults defaults;

    @Autowired
    AutomaticAcceptance automaticAcceptance;

    @Test
    void aBuyerWhoDoesNotFundByTheDeadlineDefaultsAndTheSellerKeepsTheDepositLessTheFee() {
        DealKit.Sale sale = kit.awardedAssignment(50_000_00, 5_000_00);
        kit.signByBoth(sale);

        // Not yet due: nothing happens.
        defaults.defaultOverdue(Instant.now().plus(Duration.ofDays(13)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNED");

        defaults.defaultOverdue(Instant.now().plus(Duration.ofDays(15)));
        var deal = kit.deal(sale);
        assertThat(deal.path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(deal.path("history").findValuesAsString("event"))
                .contains("FundingDefaulted", "RunnerUpMayBeOffered");
        assertThat(deal.path("runnerUpId").asString()).isEqualTo("runner-up-org");
        assertThat(deal.path("runnerUpPrice").path("amount").asString()).isEqualTo("49900.00");
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(4_950_00));
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(95_000_00));
        assertThat(ledger.balance(AccountId.held(sale.buyer().id(), "CNY"))).isEqualTo(Money.cny(0));

        Api.Response late = api.post(
                "/api/v1/deals/" + sale.dealId() + "/funding", sale.buyer().token(), Map.of());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        kit.assertInvariants(sale);
    }

    @Test
    void aDisputeFreezesEscrowUntilAnOperatorSplitsItAndThenTheRightsPass() {
        DealKit.Sale sale = kit.awardedAssignment(40_000_00, 4_000_00);
        String deal = "/api/v1/deals/" + sale.dealId();
        kit.signByBoth(sale);
        assertThat(api.post(deal + "/funding", sale.buyer().token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(kit.deliver(sale).status()).isEqualTo(200);

        assertThat(api.post(
                                deal + "/disputes",
                                sale.buyer().token(),
                                Map.of("reasons", "The deed is unsigned", "evidence", List.of("nothex")))
                        .code())
                .isEqualTo("INVALID_EVIDENCE_HASH");
        Api.Response opened = api.post(
                deal + "/disputes",
                sale.buyer().token(),
                Map.of(
                        "reasons",
                        "The delivered deed is not signed by the patentee",
                        "evidence",
                        List.of("cd".repeat(32))));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String dispute = "/api/v1/disputes/" + opened.text("id");

        // Escrow is frozen: neither the buyer nor the lapse of the acceptance period releases it.
        assertThat(api.post(deal + "/acceptance", sale.buyer().token(), Map.of())
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
        automaticAcceptance.acceptLapsed(Instant.now().plus(Duration.ofDays(60)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DISPUTED");
        assertThat(kit.deal(sale).path("escrowBalance").path("amount").asString())
                .isEqualTo("40000.00");

        // Only an operator decides, with a split the escrow can pay.
        Map<String, Object> split = Map.of(
                "outcome",
                "SPLIT",
                "sellerAmount",
                Map.of("amount", "30000.00", "currency", "CNY"),
                "decision",
                "The deed was signed late; the price is reduced by a quarter.");
        assertThat(api.post(dispute + "/resolution", sale.seller().token(), split)
                        .status())
                .isEqualTo(403);
        Api.Response tooMuch = api.post(
                dispute + "/resolution",
                ADMIN_TOKEN,
                Map.of(
                        "outcome",
                        "SPLIT",
                        "sellerAmount",
                        Map.of("amount", "40000.01", "currency", "CNY"),
                        "decision",
                        "Too much"));
        assertThat(tooMuch.code()).isEqualTo("INVALID_SPLIT");
        Api.Response nothing = api.post(
                dispute + "/resolution",
                ADMIN_TOKEN,
                Map.of(
                        "outcome",
                        "SPLIT",
                        "sellerAmount",
                        Map.of("amount", "0.00", "currency", "CNY"),
                        "decision",
                        "Nothing for the seller"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.code()).isEqualTo("INVALID_SPLIT");
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DISPUTED");
        assertThat(kit.deal(sale).path("escrowBalance").path("amount").asString())
                .isEqualTo("40000.00");

        Api.Response resolved = api.post(dispute + "/resolution", ADMIN_TOKEN, split);
        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(29_700_00));
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(70_000_00));
        assertThat(api.post(dispute + "/resolution", ADMIN_TOKEN, split).code()).isEqualTo("DISPUTE_ALREADY_RESOLVED");
        assertThat(api.get(dispute, fixtures.verifiedOrg("ENTERPRISE").token()).code())
                .isEqualTo("DISPUTE_NOT_FOUND");
        kit.assertInvariants(sale);
    }

    @Test
    void aRefundReturnsEscrowToTheBuyerWithoutFeeAndNoRightsPass() {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00);
        String deal = "/api/v1/deals/" + sale.dealId();
        kit.signByBoth(sale);
        api.post(deal + "/funding", sale.buyer().token(), Map.of());
        Api.Response opened = api.post(
                deal + "/disputes",
                sale.seller().token(),
                Map.of("reasons", "The buyer refuses to receive the documents", "evidence", List.of()));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        Api.Response refunded = api.post(
                "/api/v1/disputes/" + opened.text("id") + "/resolution",
                ADMIN_TOKEN,
                Map.of("outcome", "REFUND", "decision", "The seller never delivered; the buyer is refunded."));
        assertThat(refunded.status()).as(refunded.text()).isEqualTo(200);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(100_000_00));
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(0));
        kit.assertInvariants(sale);
    }
}
