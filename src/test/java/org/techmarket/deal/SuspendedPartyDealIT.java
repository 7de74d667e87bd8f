package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.FundingDefaults;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;

/**
 * A suspended party's running deals continue: it can take no step but a dispute, its counterparty still acts, an
 * operator may cancel, and the deadlines run (a suspended buyer who cannot fund defaults).
 */
class SuspendedPartyDealIT extends DealIntegrationTest {

    @Autowired
    FundingDefaults fundingDefaults;

    private void suspend(Fixtures.Org org) {
        Api.Response suspended = api.post(
                "/api/v1/organizations/" + org.id() + "/suspension",
                ADMIN_TOKEN,
                Map.of("reason", "Under investigation"));
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
    }

    private Api.Response step(DealKit.Sale sale, String step, String token, Object body) {
        return api.post("/api/v1/deals/" + sale.dealId() + "/" + step, token, body);
    }

    private static void suspendedRefusal(Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("ORGANIZATION_SUSPENDED");
    }

    @Test
    void aSuspendedBuyerNeitherSignsNorCancelsButItsCounterpartySignsAndAnOperatorCancels() {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00, Optional.empty());
        suspend(sale.buyer());

        suspendedRefusal(step(sale, "signatures", sale.buyer().token(), Map.of()));
        suspendedRefusal(step(sale, "cancellation", sale.buyer().token(), Map.of("reason", "We are suspended")));
        suspendedRefusal(step(sale, "cancellation", sale.buyer().token(), Map.of("reason", "Part", "mutual", true)));
        assertThat(step(sale, "signatures", sale.seller().token(), Map.of()).status())
                .isEqualTo(201);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNING");
        assertThat(kit.deal(sale).path("signatures").size()).isEqualTo(1);

        Api.Response cancelled = step(sale, "cancellation", ADMIN_TOKEN, Map.of("reason", "The buyer is suspended"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(ledger.balance(AccountId.available(sale.buyer().id(), "CNY")))
                .isEqualTo(Money.cny(100_000_00));
        kit.assertInvariants(sale);
    }

    @Test
    void aSuspendedBuyerCannotFundAndDefaultsWhenTheFundingDeadlinePasses() {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00, Optional.empty());
        kit.signByBoth(sale);
        suspend(sale.buyer());

        suspendedRefusal(step(sale, "funding", sale.buyer().token(), Map.of()));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("SIGNED");
        fundingDefaults.defaultOverdue(Instant.now().plus(Duration.ofDays(30)));
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(ledger.balance(AccountId.available(sale.seller().id(), "CNY")))
                .isEqualTo(Money.cny(1_980_00));
        kit.assertInvariants(sale);
    }

    @Test
    void aSuspendedSellerCannotDeliverButMayDisputeAndItsBuyerStillAccepts() {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00, Optional.empty());
        kit.signByBoth(sale);
        assertThat(step(sale, "funding", sale.buyer().token(), Map.of()).status())
                .isEqualTo(200);
        DealKit.Sale delivered = kit.awardedAssignment(30_000_00, 3_000_00, Optional.empty());
        suspend(sale.seller());

        suspendedRefusal(kit.deliver(sale));
        Api.Response disputed = step(
                sale,
                "disputes",
                sale.seller().token(),
                Map.of("reasons", "The buyer's funding was late", "evidence", List.of("ab".repeat(32))));
        assertThat(disputed.status()).as(disputed.text()).isEqualTo(201);
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("DISPUTED");
        kit.assertInvariants(sale);

        // The counterparty of a suspended seller takes its own steps to the end.
        kit.signByBoth(delivered);
        assertThat(step(delivered, "funding", delivered.buyer().token(), Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(kit.deliver(delivered).status()).isEqualTo(200);
        suspend(delivered.seller());
        Api.Response accepted = step(delivered, "acceptance", delivered.buyer().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("COMPLETED");
        kit.assertInvariants(delivered);
    }
}
