package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.decimalFen;
import static org.techmarket.financing.LoanKit.yuan;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * A defaulted loan's pledged patent sold at the lender's English auction: the owner is the seller of record, the
 * operator approves the listing, a bidder wins it, and at the deal's completion the owner's proceeds (after the
 * venue's 1% fee) repay the loan first, principal and interest to that day, and the rest is the owner's; the pledge is
 * released and the patent assigned to the buyer. A sale short of the loan leaves the shortfall owed.
 */
class LoanSaleIT extends LoanSaleTest {

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
