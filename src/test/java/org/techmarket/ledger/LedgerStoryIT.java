package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.ledger.LedgerApiIT.cashIn;
import static org.techmarket.ledger.LedgerApiIT.money;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.ledger.application.HoldExpiry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * The money behind one sale of a patent: two robotics companies put money into the market and bid with deposits;
 * the loser's deposit comes back, the winner's goes into the deal's escrow with the rest of the price; escrow pays
 * the university and the venue's fee; the university withdraws its money; and the regulator finds every yuan
 * accounted for.
 */
class LedgerStoryIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    HoldExpiry expiry;

    @Autowired
    Clock clock;

    @Test
    void aPatentIsSoldAndEveryYuanIsAccountedFor() {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org winner = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org rival = fixtures.verifiedOrg("ENTERPRISE");
        String venue = "venue-of-the-story";

        // Both bidders wire money to the settlement bank; the operator records each receipt once.
        assertThat(api.post(
                                "/api/v1/ledger/cash-ins",
                                ADMIN_TOKEN,
                                cashIn(winner.id(), "500000.00", Fixtures.unique("ICBC")))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/ledger/cash-ins",
                                ADMIN_TOKEN,
                                cashIn(rival.id(), "80000.00", Fixtures.unique("BOC")))
                        .status())
                .isEqualTo(201);

        // The auction takes a deposit of 50,000 yuan from each bidder, until the auction closes.
        Instant closes = clock.instant().plus(Duration.ofDays(7));
        String auction = "auction:humanoid-hand-patent";
        Hold winnersDeposit = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(winner.id(), Money.cny(5_000_000), "AUCTION_DEPOSIT", auction, Optional.of(closes)));
        Hold rivalsDeposit = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(rival.id(), Money.cny(5_000_000), "AUCTION_DEPOSIT", auction, Optional.of(closes)));
        assertThat(balances(rival)).containsExactly("30000.00", "50000.00");

        // The rival cannot withdraw what is held for the auction.
        Api.Response tooMuch =
                api.post("/api/v1/ledger/cash-outs", rival.token(), Map.of("amount", money("30000.01", "CNY")));
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_FUNDS");

        // The auction closes at 420,000 yuan; the rival's deposit is released, the winner's deposit opens the deal.
        ledger.release(Actor.SYSTEM, rivalsDeposit.id());
        assertThat(balances(rival)).containsExactly("80000.00", "0.00");
        AccountId escrow = ledger.openEscrow(Actor.SYSTEM, "deal-humanoid-hand", "CNY");
        ledger.capture(Actor.SYSTEM, winnersDeposit.id(), Money.cny(5_000_000), escrow);
        ledger.transfer(
                Actor.SYSTEM,
                TransferRequest.of(
                        AccountId.available(winner.id(), "CNY"),
                        escrow,
                        Money.cny(37_000_000),
                        "PURCHASE_PRICE",
                        "deal:humanoid-hand"));
        assertThat(ledger.balance(escrow)).isEqualTo(Money.cny(42_000_000));
        assertThat(balances(winner)).containsExactly("80000.00", "0.00");

        // Delivery is accepted: escrow pays the university and the venue's 3% fee in one batch.
        ledger.transferAll(
                Actor.SYSTEM,
                List.of(
                        TransferRequest.of(
                                escrow,
                                AccountId.available(university.id(), "CNY"),
                                Money.cny(40_740_000),
                                "SETTLEMENT",
                                "deal:humanoid-hand"),
                        TransferRequest.of(
                                escrow,
                                AccountId.fees(venue, "CNY"),
                                Money.cny(1_260_000),
                                "VENUE_FEE",
                                "deal:humanoid-hand")));
        assertThat(ledger.balance(escrow).isZero()).isTrue();
        assertThat(balances(university)).containsExactly("407400.00", "0.00");

        // The university withdraws 400,000 yuan; the operator pays it out and confirms.
        Api.Response withdrawal =
                api.post("/api/v1/ledger/cash-outs", university.token(), Map.of("amount", money("400000.00", "CNY")));
        assertThat(balances(university)).containsExactly("7400.00", "400000.00");
        assertThat(api.post(
                                "/api/v1/ledger/cash-outs/" + withdrawal.text("id") + "/confirmation",
                                ADMIN_TOKEN,
                                Map.of("bankReference", "PAYOUT-HAND-1"))
                        .text("status"))
                .isEqualTo("CONFIRMED");
        assertThat(balances(university)).containsExactly("7400.00", "0.00");

        // A deposit the rival placed in a later auction is forgotten; at its deadline it comes back by itself.
        Instant later = clock.instant().plus(Duration.ofHours(2));
        Hold forgotten = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(
                        rival.id(),
                        Money.cny(1_000_000),
                        "AUCTION_DEPOSIT",
                        "auction:quantum-sensor",
                        Optional.of(later)));
        expiry.expireDue(later);
        assertThat(ledger.findHold(forgotten.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(balances(rival)).containsExactly("80000.00", "0.00");

        // The university's statement tells the story from its side, with a running balance.
        Api.Response statement = api.get("/api/v1/accounts/entries", university.token());
        assertThat(statement.json().path("items").findValuesAsString("reason")).containsExactly("SETTLEMENT", "HOLD");
        assertThat(statement
                        .json()
                        .path("items")
                        .get(1)
                        .path("balance")
                        .path("amount")
                        .asString())
                .isEqualTo("7400.00");

        // The regulator finds the ledger balanced and the audit trail intact.
        String regulator = Fixtures.unique("regulator");
        api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", regulator, "password", "regulator password", "role", "REGULATOR"));
        String regulatorToken = fixtures.logIn(regulator, "regulator password");
        assertThat(api.get("/api/v1/ledger/balance-check", regulatorToken)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/audit/verification", regulatorToken)
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    /** An organization's available and held yuan, as it sees them. */
    private List<String> balances(Fixtures.Org org) {
        Api.Response accounts = api.get("/api/v1/accounts", org.token());
        assertThat(accounts.json().size()).isEqualTo(1);
        return List.of(
                accounts.json().get(0).path("available").path("amount").asString(),
                accounts.json().get(0).path("held").path("amount").asString());
    }
}
