package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.RATE;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Race;

/**
 * Financing's money-moving POSTs honour {@code Idempotency-Key}: a retried acceptance or repayment answers the first
 * answer and disburses or collects nothing more, two identical requests racing move the money once, and the key on
 * another request is refused.
 */
class FinancingIdempotencyIT extends FinancingTest {
    @Test
    void aRetriedAcceptanceAndRepaymentAnswerTheFirstAnswerAndMoveMoneyOnce() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("1000.00");
        String request = kit.ask(firm, List.of(kit.patent(firm)), "1000.00", 1);
        String offer = kit.offer(bank, request, RATE, 6000, 1).text("id");
        String other = kit.offer(bank, request, RATE, 5000, 1).text("id");
        String key = UUID.randomUUID().toString();

        Api.Response first = api.post(LoanKit.acceptance(request, offer), firm.token(), Map.of(), key);
        Api.Response retry = api.post(LoanKit.acceptance(request, offer), firm.token(), Map.of(), key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(fixtures.balances(firm)[0]).isEqualTo("1000.00");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("0.00");
        assertThat(api.get("/api/v1/loans", firm.token()).json().path("items")).hasSize(1);

        // The key on another request is refused and changes nothing.
        Api.Response reused = api.post(LoanKit.acceptance(request, other), firm.token(), Map.of(), key);
        assertThat(reused.status()).as(reused.text()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String loan = first.text("id");
        String repaymentKey = UUID.randomUUID().toString();
        Api.Response repaid = api.post("/api/v1/loans/" + loan + "/repayment", firm.token(), Map.of(), repaymentKey);
        Api.Response again = api.post("/api/v1/loans/" + loan + "/repayment", firm.token(), Map.of(), repaymentKey);
        assertThat(repaid.status()).as(repaid.text()).isEqualTo(200);
        assertThat(repaid.text("status")).isEqualTo("REPAID");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(repaid.text());
        assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("1000.00");
        // Without the key the same request is a second repayment, refused.
        assertThat(api.post("/api/v1/loans/" + loan + "/repayment", firm.token(), Map.of())
                        .code())
                .isEqualTo("LOAN_NOT_OUTSTANDING");
    }

    @Test
    void twoIdenticalAcceptancesRacingDisburseOnce() throws Exception {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("3000.00");
        String request = kit.ask(firm, List.of(kit.patent(firm)), "1000.00", 1);
        String offer = kit.offer(bank, request, RATE, 6000, 1).text("id");
        String key = UUID.randomUUID().toString();

        List<Api.Response> answers =
                Race.race(2, i -> () -> api.post(LoanKit.acceptance(request, offer), firm.token(), Map.of(), key));

        // The second is either the first's replay or told the first is still running; never a second loan.
        assertThat(answers).anySatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers)
                .allSatisfy(a -> assertThat(a.status() == 201 || a.code().equals("IDEMPOTENCY_KEY_IN_USE"))
                        .as(a.text())
                        .isTrue());
        assertThat(answers.stream().filter(a -> a.status() == 201).map(Api.Response::text))
                .as("every 201 is the same answer")
                .containsOnly(answers.stream()
                        .filter(a -> a.status() == 201)
                        .findFirst()
                        .orElseThrow()
                        .text());
        assertThat(fixtures.balances(firm)[0]).isEqualTo("1000.00");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("2000.00");
        assertThat(api.get("/api/v1/loans", firm.token()).json().path("items")).hasSize(1);
        // A retry once both are done replays the loan.
        Api.Response retry = api.post(LoanKit.acceptance(request, offer), firm.token(), Map.of(), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }
}
