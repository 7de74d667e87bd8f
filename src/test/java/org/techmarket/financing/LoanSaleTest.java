package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.financing.application.LoanServicing;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/** Base of the tests of a defaulted loan's sale: the default, the lender's auction, its award and its deal. */
abstract class LoanSaleTest extends FinancingTest {

    @Autowired
    LoanServicing servicing;

    @Autowired
    Closing closing;

    AuditTrail audit() {
        return new AuditTrail(api, ADMIN_TOKEN);
    }

    /** The days of interest the loan accrued to its settlement, at 6.00 a day. */
    static long interestFen(JsonNode loan) {
        long days = ChronoUnit.DAYS.between(
                LocalDate.parse(loan.path("disbursedOn").asString()),
                LocalDate.parse(loan.path("interestAccruedThrough").asString()));
        return 600L * days;
    }

    /** A firm with a defaulted 60,000.00 one-month loan from a bank, having spent the loan; both with fresh tokens. */
    record Defaulted(Fixtures.Org firm, Fixtures.Org bank, String loanId, String patent, String pledge) {}

    /** The deal an award of the lender's sale opened, with the winner, a fresh token each. */
    record Awarded(String listingId, String dealId, Fixtures.Org winner) {}

    Defaulted defaulted() {
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
    Map<String, Object> auction(String start) {
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

    Api.Response sell(Fixtures.Org who, String loanId, String start) {
        return api.post("/api/v1/loans/" + loanId + "/sale", who.token(), Map.of("mechanism", auction(start)));
    }

    /** The lender lists, the operator approves and a bidder wins at {@code price}: the deal is opened. */
    Awarded awardedAt(Defaulted d, String price) {
        Api.Response sale = sell(d.bank(), d.loanId(), price);
        assertThat(sale.status()).as(sale.text()).isEqualTo(201);
        return awardedAt(d, sale.text("listingId"), price);
    }

    /**
     * The operator approves the lender's sale {@code listing}, a bidder bids each of {@code lowerBids} in turn and
     * another wins at {@code price}.
     */
    Awarded awardedAt(Defaulted d, String listing, String price, String... lowerBids) {
        JsonNode drafted =
                api.get("/api/v1/listings/" + listing, d.firm().token()).json();
        assertThat(drafted.path("sellerId").asString()).isEqualTo(d.firm().id());
        assertThat(drafted.path("status").asString()).isEqualTo("SUBMITTED");
        Api.Response approved = api.post("/api/v1/listings/" + listing + "/approval", ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);

        for (String lower : lowerBids) {
            bid(listing, fixtures.verifiedOrg("ENTERPRISE"), lower);
        }
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        bid(listing, buyer, price);

        clock.shift(Duration.between(Instant.now(), clock.instant()).plusHours(2));
        Fixtures.Org winner = kit.fresh(buyer);
        closing.close(listing, clock.instant());
        Eventually.await(
                "the award of " + listing,
                Duration.ofSeconds(30),
                () -> "AWARDED"
                        .equals(api.get("/api/v1/listings/" + listing, ADMIN_TOKEN)
                                .text("status")));
        return new Awarded(listing, fixtures.dealOf(winner, listing), winner);
    }

    private void bid(String listing, Fixtures.Org bidder, String amount) {
        fixtures.cashIn(bidder, "100000.00");
        Api.Response bid = api.post(
                "/api/v1/listings/" + listing + "/bids",
                bidder.token(),
                Map.of("amount", Map.of("amount", amount, "currency", "CNY")));
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);
    }

    /** The lender's sale awarded at {@code price} and its deal completed by the owner and the winner. */
    Fixtures.Org soldAt(Defaulted d, String price) {
        Awarded awarded = awardedAt(d, price);
        fixtures.completeDeal(
                awarded.dealId(), kit.fresh(d.firm()), awarded.winner(), "The patent's file and assignment deed");
        return awarded.winner();
    }
}
