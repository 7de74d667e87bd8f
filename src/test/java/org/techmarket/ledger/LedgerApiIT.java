package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The ledger's HTTP contract: cash in and out, balances, statements, the balance check, and every refusal. */
class LedgerApiIT extends IntegrationTest {

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    static Map<String, Object> cashIn(String organizationId, String amount, String bankReference) {
        return Map.of("organizationId", organizationId, "amount", money(amount, "CNY"), "bankReference", bankReference);
    }

    private JsonNode cny(Fixtures.Org org) {
        Api.Response accounts = api.get("/api/v1/accounts", org.token());
        assertThat(accounts.status()).as(accounts.text()).isEqualTo(200);
        for (JsonNode balance : accounts.json()) {
            if (balance.path("currency").asString().equals("CNY")) {
                return balance;
            }
        }
        return Api.JSON.createObjectNode();
    }

    private String available(Fixtures.Org org) {
        return cny(org).path("available").path("amount").asString("0.00");
    }

    private String held(Fixtures.Org org) {
        return cny(org).path("held").path("amount").asString("0.00");
    }

    @Test
    void anOperatorRecordsMoneyReceivedAtTheBankOncePerBankReference() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        String reference = Fixtures.unique("ICBC");

        Api.Response first = api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "1250.00", reference));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("amount").path("amount").asString()).isEqualTo("1250.00");
        assertThat(first.json().path("amount").path("currency").asString()).isEqualTo("CNY");
        assertThat(first.text("transferId")).isNotBlank();
        assertThat(available(org)).isEqualTo("1250.00");
        assertThat(held(org)).isEqualTo("0.00");

        Api.Response again = api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "1250.00", reference));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(available(org)).isEqualTo("1250.00");

        Api.Response different = api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "99.00", reference));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.code()).isEqualTo("BANK_REFERENCE_CONFLICT");
        assertThat(available(org)).isEqualTo("1250.00");
    }

    @Test
    void amountsAreDecimalStringsWithAtMostTwoDecimalsAboveZeroInAKnownCurrency() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        String path = "/api/v1/ledger/cash-ins";

        Api.Response decimals = api.post(path, ADMIN_TOKEN, cashIn(org.id(), "12.345", Fixtures.unique("r")));
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.code()).isEqualTo("INVALID_AMOUNT");
        assertThat(decimals.json().path("errors").findValuesAsString("field")).containsExactly("amount.amount");
        assertThat(api.post(path, ADMIN_TOKEN, cashIn(org.id(), "-5.00", Fixtures.unique("r")))
                        .code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(api.post(path, ADMIN_TOKEN, cashIn(org.id(), "0.00", Fixtures.unique("r")))
                        .code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(api.post(path, ADMIN_TOKEN, cashIn(org.id(), "1e3", Fixtures.unique("r")))
                        .code())
                .isEqualTo("INVALID_AMOUNT");
        Api.Response currency = api.post(
                path,
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        money("10.00", "XYZ"),
                        "bankReference",
                        Fixtures.unique("r")));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.code()).isEqualTo("UNKNOWN_CURRENCY");
        assertThat(currency.json().path("errors").findValuesAsString("field")).containsExactly("amount.currency");
        Api.Response number = api.post(
                path,
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", 10.5, "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("r")));
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.code()).isEqualTo("INVALID_AMOUNT");
        Api.Response missing =
                api.post(path, ADMIN_TOKEN, Map.of("organizationId", org.id(), "bankReference", Fixtures.unique("r")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(api.post(path, ADMIN_TOKEN, cashIn(org.id(), "10.00", " ")).code())
                .isEqualTo("INVALID_BANK_REFERENCE");
        Api.Response extra = api.post(
                path,
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", "1.00", "currency", "CNY", "rate", "7"),
                        "bankReference",
                        "x"));
        assertThat(extra.code()).isEqualTo("UNKNOWN_FIELD");

        assertThat(available(org)).isEqualTo("0.00");
    }

    @Test
    void onlyOperatorsRecordCashInsForOrganizationsThatExist() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response byMember = api.post("/api/v1/ledger/cash-ins", org.token(), cashIn(org.id(), "10.00", "r-1"));
        assertThat(byMember.status()).isEqualTo(403);
        Api.Response unknown = api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn("nobody", "10.00", "r-2"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("ORGANIZATION_NOT_FOUND");
        assertThat(api.post("/api/v1/ledger/cash-ins", null, cashIn(org.id(), "10.00", "r-3"))
                        .status())
                .isEqualTo(401);
        assertThat(available(org)).isEqualTo("0.00");
    }

    @Test
    void aWithdrawalHoldsTheFundsUntilAnOperatorConfirmsThePayout() {
        Fixtures.Org org = fixtures.verifiedOrg("UNIVERSITY");
        api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "100.00", Fixtures.unique("ref")));

        Api.Response requested =
                api.post("/api/v1/ledger/cash-outs", org.token(), Map.of("amount", money("30.00", "CNY")));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        assertThat(requested.text("status")).isEqualTo("PENDING");
        String id = requested.text("id");
        assertThat(requested.header("Location")).isEqualTo("/api/v1/ledger/cash-outs/" + id);
        assertThat(available(org)).isEqualTo("70.00");
        assertThat(held(org)).isEqualTo("30.00");

        Api.Response tooMuch =
                api.post("/api/v1/ledger/cash-outs", org.token(), Map.of("amount", money("70.01", "CNY")));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(available(org)).isEqualTo("70.00");

        assertThat(api.post("/api/v1/ledger/cash-outs/" + id + "/confirmation", org.token(), Map.of())
                        .status())
                .isEqualTo(403);
        Api.Response confirmed = api.post(
                "/api/v1/ledger/cash-outs/" + id + "/confirmation", ADMIN_TOKEN, Map.of("bankReference", "PAYOUT-1"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("bankReference")).isEqualTo("PAYOUT-1");
        assertThat(available(org)).isEqualTo("70.00");
        assertThat(held(org)).isEqualTo("0.00");
        Api.Response twice = api.post("/api/v1/ledger/cash-outs/" + id + "/confirmation", ADMIN_TOKEN, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.get("/api/v1/ledger/cash-outs/" + id, org.token()).text("status"))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aWithdrawalMayBeCancelledAndOnlyByThoseWhoMay() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "50.00", Fixtures.unique("ref")));
        String member = Fixtures.unique("member");
        api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", member, "password", "member password", "role", "MEMBER"));
        String memberToken = fixtures.logIn(member, "member password");

        assertThat(api.post("/api/v1/ledger/cash-outs", memberToken, Map.of("amount", money("1.00", "CNY")))
                        .status())
                .isEqualTo(403);
        String id = api.post("/api/v1/ledger/cash-outs", org.token(), Map.of("amount", money("20.00", "CNY")))
                .text("id");
        assertThat(api.get("/api/v1/ledger/cash-outs/" + id, stranger.token()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/ledger/cash-outs/" + id + "/cancellation", stranger.token(), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/ledger/cash-outs?status=PENDING", org.token())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .containsExactly(id);
        assertThat(api.get("/api/v1/ledger/cash-outs", stranger.token())
                        .json()
                        .path("items")
                        .size())
                .isZero();

        Api.Response cancelled = api.post("/api/v1/ledger/cash-outs/" + id + "/cancellation", org.token(), Map.of());
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(available(org)).isEqualTo("50.00");
        assertThat(held(org)).isEqualTo("0.00");
        assertThat(api.post("/api/v1/ledger/cash-outs/" + id + "/confirmation", ADMIN_TOKEN, Map.of())
                        .code())
                .isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void aStatementListsEveryEntryWithItsRunningBalanceInPages() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        for (String amount : List.of("10.00", "20.50", "0.01")) {
            api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), amount, Fixtures.unique("ref")));
        }
        api.post("/api/v1/ledger/cash-outs", org.token(), Map.of("amount", money("5.00", "CNY")));

        List<JsonNode> lines = new ArrayList<>();
        long after = 0;
        while (true) {
            Api.Response page = api.get("/api/v1/accounts/entries?currency=CNY&limit=2&after=" + after, org.token());
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("items").forEach(lines::add);
            if (page.json().path("nextAfter").isNull()) {
                break;
            }
            after = page.json().path("nextAfter").asLong();
        }
        assertThat(lines)
                .extracting(l -> l.path("amount").path("amount").asString())
                .containsExactly("10.00", "20.50", "0.01", "-5.00");
        assertThat(lines)
                .extracting(l -> l.path("balance").path("amount").asString())
                .containsExactly("10.00", "30.50", "30.51", "25.51");
        assertThat(lines)
                .extracting(l -> l.path("reason").asString())
                .containsExactly("CASH_IN", "CASH_IN", "CASH_IN", "HOLD");
        assertThat(lines.get(0).path("counterAccount").asString()).isEqualTo("BANK:market:CNY");

        Api.Response heldLines = api.get("/api/v1/accounts/entries?account=HELD", org.token());
        assertThat(heldLines.json().path("items").findValuesAsString("reason")).containsExactly("HOLD");
        assertThat(api.get("/api/v1/accounts/entries?currency=JPY", org.token()).code())
                .isEqualTo("UNKNOWN_CURRENCY");
        assertThat(api.get("/api/v1/accounts/entries?account=BANK", org.token()).code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/accounts/entries?limit=0", org.token()).code())
                .isEqualTo("INVALID_LIMIT");
    }

    @Test
    void balancesArePrivateToTheOrganizationAndTheMarketsReaders() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "8.00", Fixtures.unique("ref")));

        // Naming another organization is what only the market's readers may do: refused as such, not hidden.
        Api.Response byStranger = api.get("/api/v1/accounts?organizationId=" + org.id(), stranger.token());
        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(byStranger.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/accounts/entries?organizationId=" + org.id(), stranger.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/accounts?organizationId=" + stranger.id(), stranger.token())
                        .status())
                .isEqualTo(200);
        Api.Response byOperator = api.get("/api/v1/accounts?organizationId=" + org.id(), ADMIN_TOKEN);
        assertThat(byOperator.json().get(0).path("available").path("amount").asString())
                .isEqualTo("8.00");
        assertThat(api.get("/api/v1/accounts", ADMIN_TOKEN).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts", stranger.token()).json().size()).isZero();
        assertThat(api.get("/api/v1/accounts", null).status()).isEqualTo(401);
    }

    @Test
    void operatorsAndRegulatorsCheckThatTheWholeLedgerBalances() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, cashIn(org.id(), "3.00", Fixtures.unique("ref")));
        String regulator = Fixtures.unique("regulator");
        api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", regulator, "password", "regulator password", "role", "REGULATOR"));

        Api.Response check = api.get("/api/v1/ledger/balance-check", fixtures.logIn(regulator, "regulator password"));

        assertThat(check.status()).as(check.text()).isEqualTo(200);
        assertThat(check.json().path("balanced").asBoolean()).isTrue();
        assertThat(check.json()
                        .path("totalsByCurrency")
                        .path("CNY")
                        .path("amount")
                        .asString())
                .isEqualTo("0.00");
        assertThat(check.json().path("accounts").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(check.json().path("overdrawn").size()).isZero();
        assertThat(api.get("/api/v1/ledger/balance-check", org.token()).status())
                .isEqualTo(403);
    }
}
