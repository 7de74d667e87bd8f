package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.instalment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.Participants;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A battery maker negotiates an exclusive licence of a university's patent for Guangdong and one field, paid in
 * three instalments. The deal carries the schedule and the scope: funding pays the first instalment (the deposit
 * counts), the second goes into escrow before acceptance, acceptance pays the seller what escrow holds and records the
 * licence with the negotiated scope, and the third passes to the seller after completion, less the venue fee.
 */
@Import(MovableClockConfiguration.class)
class InstalmentDealIT extends IntegrationTest {

    @Autowired
    MovableClock clock;

    @Autowired
    Ledger ledger;

    @Autowired
    Participants participants;

    @AfterEach
    void realTime() {
        clock.shift(Duration.ZERO);
    }

    /** A negotiated deal in SIGNING: the seller, the buyer, the asset and the deal's id. */
    record Negotiated(Org seller, Org buyer, String assetId, String dealId) {}

    /**
     * The parties, then, with the clock moved by {@code shift}, a licence listed, offered in {@code instalments},
     * accepted and its deal opened.
     */
    private Negotiated negotiate(List<Map<String, Object>> instalments, String priceYuan, Duration shift) {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed owner = kit.patentOwner();
        Org buyer = kit.buyer("1000000.00");
        clock.shift(shift);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NegotiationKit.Listed listed =
                kit.licenceForNegotiation(owner, "900000.00", "20000.00", now, now.plus(Duration.ofHours(1)));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Api.Response offered = kit.offer(
                buyer,
                listed.listingId(),
                Map.of(
                        "price",
                        cny(priceYuan),
                        "paymentTerms",
                        Map.of("kind", "INSTALMENTS", "instalments", instalments),
                        "scope",
                        Map.of(
                                "fields",
                                List.of("H01M"),
                                "territories",
                                List.of("440000"),
                                "start",
                                today.toString(),
                                "end",
                                today.plusYears(2).minusDays(1).toString()),
                        "deadline",
                        now.plus(Duration.ofMinutes(30)).toString()));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        Api.Response accepted = kit.answer(listed.seller(), offered.text("id"), "acceptance");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        JsonNode deals = kit.awaitDeals(buyer, 1);
        assertThat(deals.size()).as("the deal opened").isEqualTo(1);
        return new Negotiated(
                listed.seller(),
                buyer,
                listed.assetId(),
                deals.get(0).path("id").asString());
    }

    private Negotiated negotiate(List<Map<String, Object>> instalments, String priceYuan) {
        return negotiate(instalments, priceYuan, Duration.ZERO);
    }

    private List<Map<String, Object>> threeInstalments(LocalDate today) {
        return List.of(
                instalment("200000.00", today.plusDays(10)),
                instalment("250000.00", today.plusDays(100)),
                instalment("150000.00", today.plusDays(200)));
    }

    private Api.Response pay(Org by, String dealId, int number, String key) {
        return api.post("/api/v1/deals/" + dealId + "/instalments/" + number + "/payment", by.token(), Map.of(), key);
    }

    private JsonNode deal(Negotiated n) {
        return api.get("/api/v1/deals/" + n.dealId(), n.buyer().token()).json();
    }

    private long available(Org org) {
        return ledger.balance(AccountId.available(org.id(), "CNY")).minor();
    }

    private long fees(Org seller) {
        return ledger.balance(AccountId.fees(
                        participants.organization(seller.id()).orElseThrow().venueId(), "CNY"))
                .minor();
    }

    private long escrow(String dealId) {
        return ledger.balance(AccountId.escrow(dealId, "CNY")).minor();
    }

    private void sign(Negotiated n) {
        for (Org party : List.of(n.seller(), n.buyer())) {
            Api.Response signed = api.post("/api/v1/deals/" + n.dealId() + "/signatures", party.token(), Map.of());
            assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        }
    }

    private void assertLedgerBalanced() {
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aLicencePaidInThreeInstalments() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Negotiated n = negotiate(threeInstalments(today), "600000.00");

        JsonNode opened = deal(n);
        JsonNode schedule = opened.path("contract").path("schedule");
        assertThat(schedule.path("kind").asString()).isEqualTo("INSTALMENTS");
        assertThat(schedule.path("amount").path("amount").asString()).isEqualTo("600000.00");
        assertThat(schedule.path("instalments").size()).isEqualTo(3);
        assertThat(schedule.path("instalments")
                        .get(1)
                        .path("amount")
                        .path("amount")
                        .asString())
                .isEqualTo("250000.00");
        assertThat(schedule.path("instalments").get(1).path("dueDate").asString())
                .isEqualTo(today.plusDays(100).toString());
        assertThat(schedule.path("instalments").get(0).path("paidAt").isNull()).isTrue();
        assertThat(opened.path("contract").path("scope").path("fields").toString())
                .isEqualTo("[\"H01M\"]");
        assertThat(opened.path("contract").path("scope").path("territories").toString())
                .isEqualTo("[\"440000\"]");
        assertThat(opened.path("contract").path("scope").path("end").asString())
                .isEqualTo(today.plusYears(2).toString());
        String en = api.get(
                        "/api/v1/deals/" + n.dealId() + "/contract?lang=en",
                        n.buyer().token())
                .json()
                .path("text")
                .asString();
        assertThat(en).contains("Instalment 1: ¥200,000.00").contains("Instalment 3: ¥150,000.00");
        String zh = api.get(
                        "/api/v1/deals/" + n.dealId() + "/contract?lang=zh",
                        n.buyer().token())
                .json()
                .path("text")
                .asString();
        assertThat(zh).contains("第2期");

        // Nothing is payable before the deal is funded, and the first instalment is paid by funding it.
        Api.Response early = pay(n.buyer(), n.dealId(), 2, "early");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("INSTALMENT_NOT_PAYABLE");
        sign(n);
        long buyerBefore = available(n.buyer());
        Api.Response funded =
                api.post("/api/v1/deals/" + n.dealId() + "/funding", n.buyer().token(), Map.of(), "fund-" + n.dealId());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        assertThat(funded.text("status")).isEqualTo("FUNDED");
        assertThat(escrow(n.dealId())).isEqualTo(20_000_000L);
        // The deposit of 20,000.00 counts: 180,000.00 more came from available funds.
        assertThat(buyerBefore - available(n.buyer())).isEqualTo(18_000_000L);
        assertThat(funded.json()
                        .path("contract")
                        .path("schedule")
                        .path("instalments")
                        .get(0)
                        .path("paidAt")
                        .isNull())
                .isFalse();
        // The answer is built from what funding did, not read again: it is the deal as read afterwards.
        assertThat(funded.json()).isEqualTo(deal(n));

        // The refusals change nothing.
        record Refusal(Org by, int number, int status, String code) {}
        Org bystander = fixtures.verifiedOrg("ENTERPRISE");
        for (Refusal r : List.of(
                new Refusal(n.buyer(), 1, 409, "INSTALMENT_ALREADY_PAID"),
                new Refusal(n.buyer(), 3, 409, "INSTALMENT_OUT_OF_ORDER"),
                new Refusal(n.buyer(), 4, 404, "INSTALMENT_NOT_FOUND"),
                new Refusal(n.buyer(), 0, 404, "INSTALMENT_NOT_FOUND"),
                new Refusal(n.seller(), 2, 403, "NOT_THE_BUYER"),
                new Refusal(bystander, 2, 404, "DEAL_NOT_FOUND"))) {
            Api.Response refused = pay(r.by(), n.dealId(), r.number(), Fixtures.unique("k"));
            assertThat(refused.status()).as(r + ": " + refused.text()).isEqualTo(r.status());
            assertThat(refused.code()).as(r.toString()).isEqualTo(r.code());
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(escrow(n.dealId())).isEqualTo(20_000_000L);

        // The second instalment, paid before delivery, waits in escrow; a replay returns the same answer.
        Api.Response second = pay(n.buyer(), n.dealId(), 2, "second-" + n.dealId());
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(pay(n.buyer(), n.dealId(), 2, "second-" + n.dealId()).text()).isEqualTo(second.text());
        assertThat(escrow(n.dealId())).isEqualTo(45_000_000L);
        assertThat(buyerBefore - available(n.buyer())).isEqualTo(43_000_000L);
        assertThat(second.json().path("escrowBalance").path("amount").asString())
                .isEqualTo("450000.00");

        // Delivery and acceptance pay out everything escrow holds, less the 1% venue fee, and record the licence.
        long sellerBefore = available(n.seller());
        long feesBefore = fees(n.seller());
        assertThat(api.post(
                                "/api/v1/deals/" + n.dealId() + "/delivery",
                                n.seller().token(),
                                Map.of(
                                        "documents",
                                        List.of(Map.of(
                                                "sha256",
                                                "cd".repeat(32),
                                                "description",
                                                "Licence deed and process documents"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(
                "/api/v1/deals/" + n.dealId() + "/acceptance", n.buyer().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("COMPLETED");
        assertThat(available(n.seller()) - sellerBefore).isEqualTo(44_550_000L);
        assertThat(fees(n.seller()) - feesBefore).isEqualTo(450_000L);
        assertThat(escrow(n.dealId())).isZero();
        JsonNode grants = api.get("/api/v1/assets/" + n.assetId() + "/grants", ADMIN_TOKEN)
                .json()
                .path("items");
        assertThat(grants.size()).isEqualTo(1);
        JsonNode grant = grants.get(0);
        assertThat(grant.path("type").asString()).isEqualTo("EXCLUSIVE_LICENCE");
        assertThat(grant.path("granteeId").asString()).isEqualTo(n.buyer().id());
        assertThat(grant.path("scope").path("fields").toString()).isEqualTo("[\"H01M\"]");
        assertThat(grant.path("scope").path("territories").toString()).isEqualTo("[\"440000\"]");

        // The third instalment, after completion, passes through escrow to the seller; the licence is not recorded
        // again.
        Api.Response third = pay(n.buyer(), n.dealId(), 3, "third-" + n.dealId());
        assertThat(third.status()).as(third.text()).isEqualTo(200);
        assertThat(third.text("status")).isEqualTo("COMPLETED");
        assertThat(available(n.seller()) - sellerBefore).isEqualTo(44_550_000L + 14_850_000L);
        assertThat(fees(n.seller()) - feesBefore).isEqualTo(450_000L + 150_000L);
        assertThat(escrow(n.dealId())).isZero();
        assertThat(buyerBefore - available(n.buyer())).isEqualTo(58_000_000L);
        JsonNode paid = third.json().path("contract").path("schedule").path("instalments");
        for (JsonNode entry : paid) {
            assertThat(entry.path("paidAt").isNull()).as(entry.toString()).isFalse();
            assertThat(entry.path("overdue").asBoolean()).isFalse();
        }
        assertThat(third.json().path("overdueInstalments").size()).isZero();
        assertThat(api.get("/api/v1/assets/" + n.assetId() + "/grants", ADMIN_TOKEN)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
        Api.Response again = pay(n.buyer(), n.dealId(), 3, Fixtures.unique("k"));
        assertThat(again.code()).isEqualTo("INSTALMENT_ALREADY_PAID");

        // The escrow's statement shows every instalment in and every payout out, and ends at zero.
        JsonNode escrow = api.get(
                        "/api/v1/deals/" + n.dealId() + "/escrow?limit=200",
                        n.buyer().token())
                .json();
        assertThat(escrow.path("balance").path("amount").asString()).isEqualTo("0.00");
        List<String> amounts = escrow.path("items")
                .valueStream()
                .map(e -> e.path("amount").path("amount").asString())
                .toList();
        assertThat(amounts)
                .containsExactly(
                        "20000.00",
                        "180000.00",
                        "250000.00",
                        "-445500.00",
                        "-4500.00",
                        "150000.00",
                        "-148500.00",
                        "-1500.00");
        assertThat(escrow.path("items").get(7).path("balance").path("amount").asString())
                .isEqualTo("0.00");
        assertThat(escrow.path("items").get(3).path("counterAccount").asString())
                .isEqualTo("AVAILABLE:" + n.seller().id() + ":CNY");
        JsonNode firstPage = api.get(
                        "/api/v1/deals/" + n.dealId() + "/escrow?limit=3",
                        n.seller().token())
                .json();
        assertThat(firstPage.path("items").size()).isEqualTo(3);
        JsonNode rest = api.get(
                        "/api/v1/deals/" + n.dealId() + "/escrow?limit=200&after="
                                + firstPage.path("nextAfter").asLong(),
                        n.seller().token())
                .json();
        assertThat(rest.path("items").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/deals/" + n.dealId() + "/escrow", bystander.token())
                        .code())
                .isEqualTo("DEAL_NOT_FOUND");
        assertThat(api.get(
                                "/api/v1/deals/" + n.dealId() + "/escrow?after=-1",
                                n.buyer().token())
                        .status())
                .isEqualTo(400);

        // The venue's FEES account shows the two fees, for operators and regulators only.
        String venue = participants.organization(n.seller().id()).orElseThrow().venueId();
        JsonNode feeLines = api.get("/api/v1/accounts/entries?account=FEES&limit=200&venueId=" + venue, ADMIN_TOKEN)
                .json()
                .path("items");
        assertThat(feeLines.valueStream()
                        .filter(e ->
                                ("deal:" + n.dealId()).equals(e.path("cause").asString()))
                        .map(e -> e.path("amount").path("amount").asString())
                        .toList())
                .containsExactly("4500.00", "1500.00");
        assertThat(api.get(
                                "/api/v1/accounts/entries?account=FEES&venueId=" + venue,
                                n.seller().token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/accounts/entries?account=FEES&venueId=no-such-venue", ADMIN_TOKEN)
                        .status())
                .isEqualTo(404);

        List<String> events = api.get("/api/v1/deals/" + n.dealId(), n.seller().token())
                .json()
                .path("history")
                .valueStream()
                .map(step -> step.path("event").asString())
                .toList();
        assertThat(events)
                .containsSubsequence(
                        "DealFunded", "InstalmentPaid", "DeliveryAccepted", "DealCompleted", "InstalmentPaid");
        assertLedgerBalanced();
    }

    @Test
    void aDealPaidInOneSumHasNoInstalmentsToPay() {
        NegotiationKit negotiations = new NegotiationKit(api, fixtures);
        NegotiationKit.Listed listed = negotiations.knowHowForNegotiation("500000.00", "1000.00");
        Org buyer = negotiations.buyer("600000.00");
        Api.Response offered = negotiations.offer(
                buyer,
                listed.listingId(),
                NegotiationKit.lumpSum("450000.00", NegotiationKit.in(Duration.ofMinutes(10))));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        assertThat(negotiations
                        .answer(listed.seller(), offered.text("id"), "acceptance")
                        .status())
                .isEqualTo(200);
        String dealId = negotiations.awaitDeals(buyer, 1).get(0).path("id").asString();
        JsonNode schedule = api.get("/api/v1/deals/" + dealId, buyer.token())
                .json()
                .path("contract")
                .path("schedule");
        assertThat(schedule.path("kind").asString()).isEqualTo("LUMP_SUM");
        assertThat(schedule.path("dueDate").asString())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        Api.Response refused = pay(buyer, dealId, 2, Fixtures.unique("k"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("NOT_PAID_IN_INSTALMENTS");
        Api.Response notANumber =
                api.post("/api/v1/deals/" + dealId + "/instalments/second/payment", buyer.token(), Map.of());
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void sixPaymentsOfOneInstalmentAtOnceMoveMoneyOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Negotiated n = negotiate(threeInstalments(today), "600000.00");
        sign(n);
        assertThat(api.post(
                                "/api/v1/deals/" + n.dealId() + "/funding",
                                n.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        long buyerBefore = available(n.buyer());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String key = Fixtures.unique("race");
                Callable<Api.Response> payment = () -> {
                    start.await();
                    return pay(n.buyer(), n.dealId(), 2, key);
                };
                answers.add(pool.submit(payment));
            }
            start.countDown();
            int ok = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertThat(r.status()).as(r.text()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("INSTALMENT_ALREADY_PAID");
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(buyerBefore - available(n.buyer())).isEqualTo(25_000_000L);
        assertThat(escrow(n.dealId())).isEqualTo(45_000_000L);
        assertLedgerBalanced();
    }

    @Test
    void anInstalmentUnpaidAfterItsDueDateIsFlaggedOnTheDeal() {
        // The deal is made 150 days ago: its second instalment fell due 50 days ago, its third is due in 50 days.
        LocalDate then = LocalDate.now(ZoneOffset.UTC).minusDays(150);
        Negotiated n = negotiate(threeInstalments(then), "600000.00", Duration.ofDays(-150));
        sign(n);
        assertThat(api.post(
                                "/api/v1/deals/" + n.dealId() + "/funding",
                                n.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(deal(n).path("overdueInstalments").size()).isZero();
        clock.shift(Duration.ZERO);

        JsonNode late = deal(n);
        assertThat(late.path("overdueInstalments").toString()).isEqualTo("[2]");
        JsonNode entries = late.path("contract").path("schedule").path("instalments");
        assertThat(entries.get(1).path("overdue").asBoolean()).isTrue();
        assertThat(entries.get(2).path("overdue").asBoolean()).isFalse();

        assertThat(pay(n.buyer(), n.dealId(), 2, Fixtures.unique("k")).status()).isEqualTo(200);
        assertThat(deal(n).path("overdueInstalments").size()).isZero();
        assertThat(escrow(n.dealId())).isEqualTo(45_000_000L);
    }
}
