package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.RATE;
import static org.techmarket.financing.LoanKit.decimalFen;
import static org.techmarket.financing.LoanKit.yuan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.financing.application.LoanServicing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * A firm borrows against its patent: it asks, a bank offers, the firm accepts, the pledge is registered and the loan
 * disbursed; interest accrues day by day and the loan is repaid (the pledge released) or missed and defaulted.
 */
class FinancingIT extends FinancingTest {
    @Autowired
    LoanServicing servicing;

    @Test
    void aLoanAgainstAValuedPatentIsRepaidInFullAndItsPledgeReleased() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("100000.00");
        String patent = kit.patent(firm);
        Api.Response valued = api.post("/api/v1/assets/" + patent + "/valuations", firm.token(), valuationRequest());
        assertThat(valued.status()).as(valued.text()).isEqualTo(201);

        // Asked 80,000.00; the bank lends at most its ratio of the valuation, capped at what was asked.
        String request = kit.ask(firm, List.of(patent), "80000.00", 12);
        JsonNode asked =
                api.get("/api/v1/financing-requests/" + request, firm.token()).json();
        assertThat(asked.path("collateral").get(0).path("valuationId").asString())
                .isEqualTo(valued.text("id"));
        long value = decimalFen(
                asked.path("collateral").get(0).path("valuation").path("amount").asString());
        Api.Response offered = kit.offer(bank, request, RATE, 100, 12);
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        assertThat(decimalFen(offered.json().path("principal").path("amount").asString()))
                .isEqualTo(Math.min(8_000_000L, value / 100));

        // A second offer at the full value: the firm takes that one, and the first lapses.
        Api.Response better = kit.offer(bank, request, RATE, 10_000, 12);
        long principal =
                decimalFen(better.json().path("principal").path("amount").asString());
        assertThat(principal).isEqualTo(Math.min(8_000_000L, value));

        Api.Response accepted = kit.accept(firm, request, better.text("id"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        JsonNode loan = accepted.json();
        String loanId = loan.path("id").asString();
        assertThat(loan.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(loan.path("schedule")).hasSize(12);
        JsonNode pledge = loan.path("pledges").get(0);
        assertThat(pledge.path("registrationNumber").asString()).matches("Y\\d{13}");
        assertThat(kit.grant(firm, pledge.path("grantId").asString())
                        .path("type")
                        .asString())
                .isEqualTo("PLEDGE");
        assertThat(kit.grant(firm, pledge.path("grantId").asString())
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(fixtures.balances(firm)[0]).isEqualTo(yuan(principal));
        assertThat(fixtures.balances(bank)[0]).isEqualTo(yuan(10_000_000L - principal));
        JsonNode offers = api.get("/api/v1/financing-requests/" + request, firm.token())
                .json()
                .path("offers");
        assertThat(offers.get(0).path("status").asString()).isEqualTo("LAPSED");
        assertThat(offers.get(1).path("status").asString()).isEqualTo("ACCEPTED");

        // While pledged the firm cannot license the patent exclusively without the bank's consent.
        Api.Response licence = api.post("/api/v1/assets/" + patent + "/grants", firm.token(), exclusiveLicence(bank));
        assertThat(licence.status()).as(licence.text()).isEqualTo(409);
        assertThat(licence.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(licence.json().path("conflicts").get(0).path("reason").asString())
                .isEqualTo("PLEDGED");

        // Ten days on, ten days of interest: principal × 3.65% / 365 a day, whole fen, the fraction carried.
        clock.shift(Duration.ofDays(10));
        assertThat(servicing.serviceDue(clock.instant())).isGreaterThanOrEqualTo(1);
        JsonNode accrued = api.get("/api/v1/loans/" + loanId, firm.token()).json();
        long interest = principal * RATE * 10 / 3_650_000L;
        assertThat(accrued.path("accruedInterest").path("amount").asString()).isEqualTo(yuan(interest));
        assertThat(accrued.path("interestAccruedThrough").asString())
                .isEqualTo(LocalDate.now(clock).toString());

        fixtures.cashIn(firm, yuan(interest));
        Api.Response repaid = api.post("/api/v1/loans/" + loanId + "/repayment", firm.token(), Map.of());
        assertThat(repaid.status()).as(repaid.text()).isEqualTo(200);
        assertThat(repaid.json().path("status").asString()).isEqualTo("REPAID");
        assertThat(repaid.json().path("interestPaid").path("amount").asString()).isEqualTo(yuan(interest));
        assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");
        assertThat(fixtures.balances(bank)[0]).isEqualTo(yuan(10_000_000L + interest));
        assertThat(kit.grant(firm, pledge.path("grantId").asString())
                        .path("status")
                        .asString())
                .isEqualTo("RELEASED");
        Api.Response again = api.post("/api/v1/loans/" + loanId + "/repayment", firm.token(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("LOAN_NOT_OUTSTANDING");

        clock.shift(Duration.ZERO);
        Api.Response freed = api.post("/api/v1/assets/" + patent + "/grants", firm.token(), exclusiveLicence(bank));
        assertThat(freed.status()).as(freed.text()).isEqualTo(201);
    }

    @Test
    void aLoanIsRepaidOnScheduleWithItsInterestToTheFen() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("60000.00");
        JsonNode loan = kit.sixtyThousandOver(firm, bank, 2);
        String loanId = loan.path("id").asString();
        LocalDate disbursed = LocalDate.parse(loan.path("disbursedOn").asString());
        LocalDate first = disbursed.plusMonths(1);
        LocalDate second = disbursed.plusMonths(2);
        assertThat(loan.path("schedule").get(0).path("dueOn").asString()).isEqualTo(first.toString());
        assertThat(loan.path("schedule").get(1).path("principal").path("amount").asString())
                .isEqualTo("30000.00");
        long firstInterest = 600L * ChronoUnit.DAYS.between(disbursed, first);
        long secondInterest = 300L * ChronoUnit.DAYS.between(first, second);
        fixtures.cashIn(firm, yuan(firstInterest + secondInterest));

        kit.moveTo(first.minusDays(1));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        assertThat(api.get("/api/v1/loans/" + loanId, firm.token())
                        .json()
                        .path("schedule")
                        .get(0)
                        .path("paidOn")
                        .isNull())
                .as("nothing is collected before its day")
                .isTrue();

        kit.moveTo(first);
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        JsonNode afterFirst = api.get("/api/v1/loans/" + loanId, firm.token()).json();
        assertThat(afterFirst.path("schedule").get(0).path("paidOn").asString()).isEqualTo(first.toString());
        assertThat(afterFirst
                        .path("schedule")
                        .get(0)
                        .path("interestPaid")
                        .path("amount")
                        .asString())
                .isEqualTo(yuan(firstInterest));
        assertThat(afterFirst.path("outstanding").path("amount").asString()).isEqualTo("30000.00");

        kit.moveTo(second);
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        JsonNode done = api.get("/api/v1/loans/" + loanId, bank.token()).json();
        assertThat(done.path("status").asString()).isEqualTo("REPAID");
        assertThat(done.path("interestPaid").path("amount").asString()).isEqualTo(yuan(firstInterest + secondInterest));
        assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");
        assertThat(fixtures.balances(bank)[0]).isEqualTo(yuan(6_000_000L + firstInterest + secondInterest));
        assertThat(kit.grant(firm, done.path("pledges").get(0).path("grantId").asString())
                        .path("status")
                        .asString())
                .isEqualTo("RELEASED");
    }

    @Test
    void aMissedRepaymentIsOverdueAfterTheGracePeriodAndTheLenderDeclaresDefault() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("60000.00");
        JsonNode loan = kit.sixtyThousandOver(firm, bank, 1);
        String loanId = loan.path("id").asString();
        String pledge = loan.path("pledges").get(0).path("grantId").asString();
        LocalDate due =
                LocalDate.parse(loan.path("schedule").get(0).path("dueOn").asString());
        // The firm spends the loan: it leaves the market.
        Api.Response out = api.post(
                "/api/v1/ledger/cash-outs",
                firm.token(),
                Map.of("amount", Map.of("amount", "60000.00", "currency", "CNY")));
        assertThat(out.status()).as(out.text()).isEqualTo(201);

        Api.Response early = api.post("/api/v1/loans/" + loanId + "/default", bank.token(), Map.of());
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("LOAN_NOT_OVERDUE");

        kit.moveTo(due.plusDays(14));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        JsonNode inGrace = api.get("/api/v1/loans/" + loanId, firm.token()).json();
        assertThat(inGrace.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(inGrace.path("schedule").get(0).path("paidOn").isNull()).isTrue();

        kit.moveTo(due.plusDays(15));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        JsonNode overdue = api.get("/api/v1/loans/" + loanId, firm.token()).json();
        assertThat(overdue.path("status").asString()).isEqualTo("OVERDUE");
        long days =
                ChronoUnit.DAYS.between(LocalDate.parse(loan.path("disbursedOn").asString()), due.plusDays(15));
        assertThat(overdue.path("accruedInterest").path("amount").asString()).isEqualTo(yuan(600L * days));

        Api.Response notHis = api.post("/api/v1/loans/" + loanId + "/default", firm.token(), Map.of());
        assertThat(notHis.status()).isEqualTo(403);
        Api.Response defaulted = api.post("/api/v1/loans/" + loanId + "/default", bank.token(), Map.of());
        assertThat(defaulted.status()).as(defaulted.text()).isEqualTo(200);
        assertThat(defaulted.json().path("status").asString()).isEqualTo("DEFAULTED");
        assertThat(kit.grant(firm, pledge).path("status").asString()).isEqualTo("ACTIVE");
        Api.Response ended = api.post(
                "/api/v1/grants/" + pledge + "/termination",
                bank.token(),
                Map.of(
                        "reason",
                        "sold privately",
                        "effectiveOn",
                        LocalDate.now(clock).toString()));
        assertThat(ended.status()).as(ended.text()).isEqualTo(409);
        assertThat(ended.code()).isEqualTo("PLEDGE_SECURES_LOAN");
        Api.Response repay = api.post("/api/v1/loans/" + loanId + "/repayment", firm.token(), Map.of());
        assertThat(repay.code()).isEqualTo("LOAN_NOT_OUTSTANDING");
    }

    @Test
    void anOwnersExclusiveLicenceRacingThePledgeRegistrationLosesOrWinsAlone() throws Exception {
        for (int round = 0; round < 3; round++) {
            Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
            Fixtures.Org bank = kit.lenderWith("1000.00");
            Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
            String patent = kit.patent(firm);
            String request = kit.ask(firm, List.of(patent), "1000.00", 1);
            String offer = kit.offer(bank, request, RATE, 6000, 1).text("id");

            List<Api.Response> results = Race.race(
                    2,
                    i -> () -> i == 0
                            ? kit.accept(firm, request, offer)
                            : api.post(
                                    "/api/v1/assets/" + patent + "/grants", firm.token(), exclusiveLicence(licensee)));
            Api.Response acceptance = results.get(0);
            Api.Response licence = results.get(1);
            assertThat(List.of(acceptance.status(), licence.status()))
                    .as("%s / %s", acceptance.text(), licence.text())
                    .containsExactlyInAnyOrder(201, 409);
            if (acceptance.status() == 201) {
                assertThat(licence.code()).isEqualTo("RIGHTS_CONFLICT");
                assertThat(fixtures.balances(firm)[0]).isEqualTo("1000.00");
            } else {
                assertThat(acceptance.code()).isEqualTo("COLLATERAL_CHANGED");
                assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");
                assertThat(fixtures.balances(bank)[0]).isEqualTo("1000.00");
                assertThat(api.get("/api/v1/financing-requests/" + request, firm.token())
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("OPEN");
            }
        }
    }

    @Test
    void aLicenceRecordedAfterTheOfferRefusesItsAcceptance() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("1000.00");
        String patent = kit.patent(firm);
        String request = kit.ask(firm, List.of(patent), "1000.00", 1);
        String offer = kit.offer(bank, request, RATE, 6000, 1).text("id");
        clock.shift(Duration.ofSeconds(1));
        Api.Response licence = api.post(
                "/api/v1/assets/" + patent + "/grants",
                firm.token(),
                exclusiveLicence(fixtures.verifiedOrg("ENTERPRISE")));
        assertThat(licence.status()).as(licence.text()).isEqualTo(201);

        Api.Response refused = kit.accept(firm, request, offer);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("COLLATERAL_CHANGED");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("1000.00");
        assertThat(api.get("/api/v1/loans", firm.token()).json().path("items")).isEmpty();
    }

    @Test
    void refusalsChangeNothing() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org poorBank = kit.lenderWith("10.00");
        Fixtures.Org bank = kit.lenderWith("1000.00");
        String patent = kit.patent(firm);

        Api.Response notOwner =
                api.post("/api/v1/financing-requests", stranger.token(), LoanKit.askBody(patent, "100.00", 3));
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.code()).isEqualTo("NOT_COLLATERAL_OWNER");
        for (String amount : List.of("0.00", "-5.00")) {
            Api.Response bad = api.post("/api/v1/financing-requests", firm.token(), LoanKit.askBody(patent, amount, 3));
            assertThat(bad.status()).as(amount).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("INVALID_AMOUNT");
        }
        Api.Response longTerm =
                api.post("/api/v1/financing-requests", firm.token(), LoanKit.askBody(patent, "100.00", 121));
        assertThat(longTerm.code()).isEqualTo("INVALID_LOAN_TERM");
        assertThat(api.get("/api/v1/financing-requests", firm.token()).json().path("items"))
                .isEmpty();

        String request = kit.ask(firm, List.of(patent), "100.00", 3);
        Api.Response byFirm = kit.offer(stranger, request, RATE, 6000, 3);
        assertThat(byFirm.status()).isEqualTo(403);
        assertThat(byFirm.code()).isEqualTo("NOT_A_LENDER");
        assertThat(kit.offer(bank, request, 0, 6000, 3).code()).isEqualTo("INVALID_RATE");
        assertThat(kit.offer(bank, request, RATE, 10_001, 3).code()).isEqualTo("INVALID_LOAN_TO_VALUE");
        assertThat(api.get("/api/v1/financing-requests/" + request, stranger.token())
                        .status())
                .isEqualTo(404);

        String poorOffer = kit.offer(poorBank, request, RATE, 6000, 3).text("id");
        Api.Response short_ = kit.accept(firm, request, poorOffer);
        assertThat(short_.status()).as(short_.text()).isEqualTo(409);
        assertThat(short_.code()).isEqualTo("INSUFFICIENT_FUNDS");
        JsonNode still =
                api.get("/api/v1/financing-requests/" + request, firm.token()).json();
        assertThat(still.path("status").asString()).isEqualTo("OPEN");
        assertThat(still.path("offers").get(0).path("status").asString()).isEqualTo("OPEN");
        Api.Response licence =
                api.post("/api/v1/assets/" + patent + "/grants", firm.token(), Fixtures.yearLicence(stranger.id()));
        assertThat(licence.status())
                .as("no pledge was left behind: %s", licence.text())
                .isEqualTo(201);

        clock.shift(Duration.ofSeconds(1));
        String offer = kit.offer(bank, request, RATE, 6000, 3).text("id");
        Api.Response byLender = kit.accept(bank, request, offer);
        assertThat(byLender.status()).isEqualTo(404);
        assertThat(kit.accept(firm, request, offer).status()).isEqualTo(201);
        Api.Response twice = kit.accept(firm, request, offer);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("REQUEST_NOT_OPEN");
        Api.Response other = kit.accept(firm, request, poorOffer);
        assertThat(other.code()).isEqualTo("REQUEST_NOT_OPEN");
        Api.Response late = kit.offer(bank, request, RATE, 6000, 3);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("REQUEST_NOT_OPEN");
        assertThat(fixtures.balances(bank)[0]).isEqualTo("900.00");
        assertThat(fixtures.balances(poorBank)[0]).isEqualTo("10.00");
        assertThat(api.get("/api/v1/loans", stranger.token()).json().path("items"))
                .isEmpty();
    }

    private static Map<String, Object> exclusiveLicence(Fixtures.Org grantee) {
        Map<String, Object> licence = new HashMap<>(Fixtures.yearLicence(grantee.id()));
        licence.put("type", "EXCLUSIVE_LICENCE");
        return licence;
    }

    private static Map<String, Object> valuationRequest() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("revenueForecast", List.of("1000000.00", "1200000.00", "1500000.00", "1500000.00", "1500000.00"));
        inputs.put("discountRate", "0.12");
        inputs.put("royaltyRate", "0.05");
        inputs.put("reproductionCost", "800000.00");
        inputs.put("obsolescence", "0.35");
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", "PLEDGE");
        body.put("valuationDate", LocalDate.now(ZoneOffset.UTC).toString());
        body.put("inputs", inputs);
        return body;
    }
}
