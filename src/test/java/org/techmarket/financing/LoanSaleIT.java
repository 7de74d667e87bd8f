package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.decimalFen;
import static org.techmarket.financing.LoanKit.yuan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.financing.application.LoanServicing;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * A defaulted loan's pledged patent sold at the lender's English auction: the owner is the seller of record, the
 * operator approves the listing, a bidder wins it, and at the deal's completion the owner's proceeds (after the
 * venue's 1% fee) repay the loan first, principal and interest to that day, and the rest is the owner's; the pledge is
 * released and the patent assigned to the buyer. A sale short of the loan leaves the shortfall owed.
 */
class LoanSaleIT extends FinancingTest {

    @Autowired
    LoanServicing servicing;

    @Autowired
    Closing closing;

    private AuditTrail audit() {
        return new AuditTrail(api, ADMIN_TOKEN);
    }

    /** A firm with a defaulted 60,000.00 one-month loan from a bank, having spent the loan; both with fresh tokens. */
    private record Defaulted(Fixtures.Org firm, Fixtures.Org bank, String loanId, String patent, String pledge) {}

    private Defaulted defaulted() {
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("60000.00");
        String patent = kit.patent(firm);
        JsonNode loan = kit.sixtyThousandOver(firm, bank, 1, patent);
        String loanId = loan.path("id").asString();
        Api.Response out = api.post(
                "/api/v1/ledger/cash-outs",
                firm.token(),
                Map.of("amount", Map.of("amount", "60000.00", "currency", "CNY")));
        assertThat(out.status()).as(out.text()).isEqualTo(201);
        LocalDate due =
                LocalDate.parse(loan.path("schedule").get(0).path("dueOn").asString());
        kit.moveTo(due.plusDays(15));
        firm = kit.fresh(firm);
        bank = kit.fresh(bank);
        servicing.serviceDue(clock.instant());
        Api.Response defaulted = api.post("/api/v1/loans/" + loanId + "/default", bank.token(), Map.of());
        assertThat(defaulted.status()).as(defaulted.text()).isEqualTo(200);
        assertThat(defaulted.text("status")).isEqualTo("DEFAULTED");
        return new Defaulted(
                firm,
                bank,
                loanId,
                patent,
                loan.path("pledges").get(0).path("grantId").asString());
    }

    /** An English auction from now for an hour, starting at {@code start} yuan in steps of 1,000.00. */
    private Map<String, Object> auction(String start) {
        Instant now = clock.instant();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "ENGLISH");
        m.put("startPrice", Map.of("amount", start, "currency", "CNY"));
        m.put("increment", Map.of("amount", "1000.00", "currency", "CNY"));
        m.put("deposit", Map.of("amount", "5000.00", "currency", "CNY"));
        m.put("startsAt", now.toString());
        m.put("endsAt", now.plus(Duration.ofHours(1)).toString());
        return m;
    }

    private Api.Response sell(Fixtures.Org who, String loanId, String start) {
        return api.post("/api/v1/loans/" + loanId + "/sale", who.token(), Map.of("mechanism", auction(start)));
    }

    /** The lender lists, the operator approves, the bidder wins at {@code price} and the deal completes. */
    private Fixtures.Org soldAt(Defaulted d, String price) {
        Api.Response sale = sell(d.bank(), d.loanId(), price);
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        String listing = sale.text("listingId");
        JsonNode drafted =
                api.get("/api/v1/listings/" + listing, d.firm().token()).json();
        assertThat(drafted.path("sellerId").asString()).isEqualTo(d.firm().id());
        assertThat(drafted.path("status").asString()).isEqualTo("SUBMITTED");
        Api.Response approved = api.post("/api/v1/listings/" + listing + "/approval", ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(buyer, "100000.00");
        Api.Response bid = api.post(
                "/api/v1/listings/" + listing + "/bids",
                buyer.token(),
                Map.of("amount", Map.of("amount", price, "currency", "CNY")));
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);

        clock.shift(Duration.between(Instant.now(), clock.instant()).plusHours(2));
        Fixtures.Org winner = kit.fresh(buyer);
        closing.close(listing, clock.instant());
        Eventually.await(
                "the award of " + listing,
                Duration.ofSeconds(30),
                () -> "AWARDED"
                        .equals(api.get("/api/v1/listings/" + listing, ADMIN_TOKEN)
                                .text("status")));
        String deal = fixtures.dealOf(winner, listing);
        fixtures.completeDeal(deal, kit.fresh(d.firm()), winner, "The patent's file and assignment deed");
        return winner;
    }

    /** The days of interest the loan accrued to its settlement, at 6.00 a day. */
    private static long interestFen(JsonNode loan) {
        long days = ChronoUnit.DAYS.between(
                LocalDate.parse(loan.path("disbursedOn").asString()),
                LocalDate.parse(loan.path("interestAccruedThrough").asString()));
        return 600L * days;
    }

    @Test
    void theAuctionRepaysTheLoanFirstAndTheRestGoesToTheOwner() {
        long head = audit().head();
        Defaulted d = defaulted();
        Fixtures.Org buyer = soldAt(d, "80000.00");

        Fixtures.Org firm = kit.fresh(d.firm());
        Fixtures.Org bank = kit.fresh(d.bank());
        JsonNode loan = api.get("/api/v1/loans/" + d.loanId(), bank.token()).json();
        assertThat(loan.path("status").asString()).isEqualTo("SETTLED_BY_SALE");
        assertThat(loan.path("shortfall").path("amount").asString()).isEqualTo("0.00");
        assertThat(loan.path("outstanding").path("amount").asString()).isEqualTo("0.00");
        long owed = 6_000_000 + interestFen(loan);
        assertThat(loan.path("interestPaid").path("amount").asString()).isEqualTo(yuan(interestFen(loan)));
        // 80,000.00 less the venue's 1% (800.00) is 79,200.00: the loan first, the rest to the firm.
        assertThat(fixtures.balances(bank)[0]).isEqualTo(yuan(owed));
        assertThat(fixtures.balances(firm)[0]).isEqualTo(yuan(7_920_000 - owed));
        assertThat(fixtures.balances(buyer)[0]).isEqualTo("20000.00");
        assertThat(kit.grant(firm, d.pledge()).path("status").asString()).isNotEqualTo("ACTIVE");
        assertThat(audit().types(head, "loan:" + d.loanId())).contains("LoanSaleListed", "LoanSettledBySale");
    }

    @Test
    void aSaleShortOfTheLoanLeavesTheShortfallOwedUnsecured() {
        Defaulted d = defaulted();
        soldAt(d, "50000.00");

        Fixtures.Org firm = kit.fresh(d.firm());
        Fixtures.Org bank = kit.fresh(d.bank());
        JsonNode loan = api.get("/api/v1/loans/" + d.loanId(), firm.token()).json();
        assertThat(loan.path("status").asString()).isEqualTo("SETTLED_BY_SALE");
        long owed = 6_000_000 + interestFen(loan);
        // 50,000.00 less the venue's 500.00: all of 49,500.00 to the bank, nothing to the firm.
        assertThat(fixtures.balances(bank)[0]).isEqualTo("49500.00");
        assertThat(fixtures.balances(firm)[0]).isEqualTo("0.00");
        assertThat(decimalFen(loan.path("shortfall").path("amount").asString())).isEqualTo(owed - 4_950_000);
        assertThat(kit.grant(firm, d.pledge()).path("status").asString()).isNotEqualTo("ACTIVE");
    }

    @Test
    void onlyTheLenderOfADefaultedLoanSellsOnceAndTheOwnerCannotWithdrawTheSale() {
        long head = audit().head();
        Fixtures.Org firm = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org bank = kit.lenderWith("60000.00");
        String current = kit.sixtyThousandOver(firm, bank, 6).path("id").asString();
        Api.Response notDefaulted = sell(bank, current, "70000.00");
        assertThat(notDefaulted.status()).as(notDefaulted.text()).isEqualTo(409);
        assertThat(notDefaulted.code()).isEqualTo("LOAN_NOT_DEFAULTED");

        Defaulted d = defaulted();
        Api.Response byOwner = sell(d.firm(), d.loanId(), "70000.00");
        assertThat(byOwner.status()).as(byOwner.text()).isEqualTo(403);
        Api.Response byStranger = sell(kit.lenderWith("1.00"), d.loanId(), "70000.00");
        assertThat(byStranger.status()).as(byStranger.text()).isEqualTo(404);
        Api.Response noAuction = api.post(
                "/api/v1/loans/" + d.loanId() + "/sale",
                d.bank().token(),
                Map.of("mechanism", Map.of("type", "FIXED_PRICE")));
        assertThat(noAuction.status()).as(noAuction.text()).isEqualTo(400);
        assertThat(noAuction.code()).isEqualTo("INVALID_MECHANISM");
        assertThat(audit().types(head, "loan:" + d.loanId())).doesNotContain("LoanSaleListed");

        Api.Response sale = sell(d.bank(), d.loanId(), "70000.00");
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        String listing = sale.text("listingId");
        Api.Response second = sell(d.bank(), d.loanId(), "70000.00");
        assertThat(second.status()).as(second.text()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("LOAN_SALE_EXISTS");

        Api.Response withdrawn =
                api.post("/api/v1/listings/" + listing + "/withdrawal", d.firm().token(), Map.of());
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(403);
        assertThat(withdrawn.code()).isEqualTo("LISTED_UNDER_PLEDGE");
        assertThat(api.get("/api/v1/listings/" + listing, d.firm().token()).text("status"))
                .isEqualTo("SUBMITTED");

        // The pledge still blocks the owner's own assignment of the patent.
        Api.Response own = api.post(
                "/api/v1/listings",
                d.firm().token(),
                Map.of(
                        "assetIds",
                        List.of(d.patent()),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "mechanism",
                        auction("70000.00"),
                        "title",
                        "The firm's own sale"));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        Api.Response submitted = api.post(
                "/api/v1/listings/" + own.text("id") + "/submission", d.firm().token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(409);
        assertThat(api.get("/api/v1/loans/" + d.loanId(), d.bank().token()).text("status"))
                .isEqualTo("DEFAULTED");
    }
}
