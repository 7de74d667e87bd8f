package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.techmarket.deal.RoyaltyKit.RoyaltyDeal;
import org.techmarket.ledger.AccountId;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Running royalties on an open licence taken on a share of revenue: quarterly reports pay the rate on the revenue,
 * at least a quarter of the yearly minimum, from the licensee to the licensor less the venue fee; a report past its
 * deadline is flagged on the deal. The licence is taken with the clock moved back, so that its quarters have ended.
 */
@Import(MovableClockConfiguration.class)
class RoyaltyIT extends DealIntegrationTest {

    @Autowired
    MovableClock clock;

    RoyaltyKit royalties;

    @BeforeEach
    void kits() {
        royalties = new RoyaltyKit(api, fixtures, kit, clock);
    }

    @Test
    void aYearOfRoyalties() {
        // 5% of revenue, at least 4,000.00 a year: 1,000.00 a quarter; taken 500 days ago for two years, so
        // quarters 1 to 5 have ended and their reports (due 30 days after each quarter) are overdue.
        RoyaltyDeal deal = royalties.completed("5", "4000", 24, 500, "20000");
        String venue = kit.venueOf(deal.owner().id());
        Money feesBefore = ledger.balance(AccountId.fees(venue, "CNY"));
        JsonNode opened = api.get(
                        "/api/v1/deals/" + deal.dealId(), deal.licensee().token())
                .json();
        assertThat(opened.path("contract").path("price").path("amount").asString())
                .isEqualTo("0.00");
        assertThat(opened.path("overdueRoyaltyReports").toString()).isEqualTo("[1,2,3,4,5]");
        String text = api.get(
                        "/api/v1/deals/" + deal.dealId() + "/contract?lang=en",
                        deal.licensee().token())
                .json()
                .path("text")
                .asString();
        assertThat(text).contains("royalty of 5.00%").contains("no less than");

        Api.Response first = royalties.reportWithKey(deal, 1, "100000.00", "q1-" + deal.dealId());
        assertReported(first, 1, "5000.00");
        Api.Response retried = royalties.reportWithKey(deal, 1, "100000.00", "q1-" + deal.dealId());
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json()).isEqualTo(first.json());
        assertReported(royalties.report(deal, deal.licensee(), 2, "10000.00"), 2, "1000.00");
        assertReported(royalties.report(deal, deal.licensee(), 3, "60000.33"), 3, "3000.02");
        assertReported(royalties.report(deal, deal.licensee(), 4, "0"), 4, "1000.00");

        assertThat(ledger.balance(AccountId.available(deal.licensee().id(), "CNY")))
                .isEqualTo(Money.cny(9_999_98));
        assertThat(ledger.balance(AccountId.available(deal.owner().id(), "CNY")))
                .isEqualTo(Money.cny(9_900_02));
        assertThat(ledger.balance(AccountId.fees(venue, "CNY")).minus(feesBefore))
                .isEqualTo(Money.cny(100_00));

        JsonNode statement = api.get(deal.reports(), deal.owner().token()).json();
        assertThat(statement.path("rate").asString()).isEqualTo("5.00");
        assertThat(statement.path("minimumPerPeriod").path("amount").asString()).isEqualTo("1000.00");
        assertThat(statement.path("reportingPeriod").asString()).isEqualTo("QUARTERLY");
        assertThat(statement.path("reports").size()).isEqualTo(4);
        assertThat(statement
                        .path("reports")
                        .get(1)
                        .path("revenue")
                        .path("amount")
                        .asString())
                .isEqualTo("10000.00");
        assertThat(statement.path("missing").size()).isEqualTo(1);
        assertThat(statement.path("missing").get(0).path("period").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/deals/" + deal.dealId(), deal.owner().token())
                        .json()
                        .path("overdueRoyaltyReports")
                        .toString())
                .isEqualTo("[5]");
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aReportIsRefusedWhenItCannotBeMadeAndChangesNothing() {
        RoyaltyDeal deal = royalties.completed("5", "4000", 24, 500, "1500");
        Fixtures.Org stranger = kit.fundedBuyer("100");
        assertRefused(royalties.report(deal, deal.licensee(), 6, "100.00"), 400, "PERIOD_NOT_ENDED");
        assertRefused(royalties.report(deal, deal.licensee(), 9, "100.00"), 400, "INVALID_PERIOD");
        assertRefused(royalties.report(deal, deal.licensee(), 1, "-1.00"), 400, "INVALID_AMOUNT");
        assertRefused(royalties.report(deal, deal.owner(), 1, "100.00"), 403, "NOT_THE_BUYER");
        assertRefused(royalties.report(deal, stranger, 1, "100.00"), 404, "DEAL_NOT_FOUND");
        assertRefused(api.get(deal.reports(), stranger.token()), 404, "DEAL_NOT_FOUND");
        // 1,000.00 due; 2,000,000.00 of revenue would owe 100,000.00, more than the licensee has.
        assertRefused(royalties.report(deal, deal.licensee(), 1, "2000000.00"), 409, "INSUFFICIENT_FUNDS");
        assertThat(ledger.balance(AccountId.available(deal.licensee().id(), "CNY")))
                .isEqualTo(Money.cny(1_500_00));
        assertThat(api.get(deal.reports(), deal.licensee().token())
                        .json()
                        .path("reports")
                        .size())
                .isZero();

        assertReported(royalties.report(deal, deal.licensee(), 1, "100.00"), 1, "1000.00");
        assertRefused(royalties.report(deal, deal.licensee(), 1, "100.00"), 409, "ROYALTY_ALREADY_REPORTED");
        assertThat(ledger.balance(AccountId.available(deal.licensee().id(), "CNY")))
                .isEqualTo(Money.cny(500_00));
    }

    @Test
    void aDealPaidInOneSumTakesNoRoyaltyReports() {
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
                                                Map.of("amount", "800.00", "currency", "CNY")),
                                        "termMonths",
                                        12),
                                null)
                        .status())
                .isEqualTo(201);
        Fixtures.Org licensee = kit.fundedBuyer("1000");
        assertThat(api.post("/api/v1/assets/" + patent + "/open-licence/licences", licensee.token(), Map.of())
                        .status())
                .isEqualTo(201);
        String dealId = kit.awaitDeals(licensee, "buyer", 1).get(0).path("id").asString();
        assertRefused(
                api.post(
                        "/api/v1/deals/" + dealId + "/royalty-reports",
                        licensee.token(),
                        Map.of("period", 1, "revenue", Map.of("amount", "1.00", "currency", "CNY"))),
                409,
                "NOT_A_ROYALTY_DEAL");
        assertRefused(
                api.get("/api/v1/deals/" + dealId + "/royalty-reports", licensee.token()), 409, "NOT_A_ROYALTY_DEAL");
        assertThat(api.get("/api/v1/deals/" + dealId, licensee.token())
                        .json()
                        .path("overdueRoyaltyReports")
                        .size())
                .isZero();
    }

    @Test
    void theSameReportSentConcurrentlyPaysOnce() throws Exception {
        RoyaltyDeal deal = royalties.completed("10", "400", 12, 200, "5000");
        int senders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Api.Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                Callable<Api.Response> send = () -> {
                    start.await();
                    return royalties.report(deal, deal.licensee(), 1, "500.00");
                };
                sent.add(pool.submit(send));
            }
            start.countDown();
            int created = 0;
            for (Future<Api.Response> f : sent) {
                Api.Response response = f.get();
                if (response.status() == 201) {
                    created++;
                } else {
                    assertRefused(response, 409, "ROYALTY_ALREADY_REPORTED");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // 10% of 500.00 is below the quarter's minimum of 100.00.
        assertThat(ledger.balance(AccountId.available(deal.licensee().id(), "CNY")))
                .isEqualTo(Money.cny(4_900_00));
        assertThat(ledger.balance(AccountId.available(deal.owner().id(), "CNY")))
                .isEqualTo(Money.cny(99_00));
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    private static void assertReported(Api.Response response, int period, String royalty) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().path("period").asInt()).isEqualTo(period);
        assertThat(response.json().path("royalty").path("amount").asString()).isEqualTo(royalty);
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).as(response.text()).isEqualTo(code);
    }
}
