package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.TestDatabase;

/**
 * Cash-ins stop at documented ceilings, not at the end of a {@code long}: per receipt, per organization's available
 * balance, and for the market's total. A market of its own (its own database, not the one the other integration
 * tests share), so that its total starts at zero, with small ceilings: 1,000.00 per receipt, 1,500.00 per
 * organization, 2,500.00 in all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CashInCeilingIT {

    private static final String ADMIN_TOKEN = IntegrationTest.ADMIN_TOKEN;

    @LocalServerPort
    int port;

    private Api api;
    private Fixtures fixtures;

    @DynamicPropertySource
    static void ownMarket(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url("techmarket_ceilings"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("techmarket.admin-token", () -> ADMIN_TOKEN);
        registry.add("techmarket.demo.enabled", () -> "false");
        registry.add("techmarket.security.bcrypt-strength", () -> "4");
        registry.add("techmarket.ledger.max-cash-in", () -> "100000");
        registry.add("techmarket.ledger.max-balance", () -> "150000");
        registry.add("techmarket.ledger.max-market-total", () -> "250000");
    }

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + port);
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void theLedgerBalances() {
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
    }

    private Api.Response cashIn(Fixtures.Org org, String amount) {
        return api.post(
                "/api/v1/ledger/cash-ins", ADMIN_TOKEN, LedgerApiIT.cashIn(org.id(), amount, Fixtures.unique("ICBC")));
    }

    private String available(Fixtures.Org org) {
        return api.get("/api/v1/accounts", org.token())
                .json()
                .path(0)
                .path("available")
                .path("amount")
                .asString("0.00");
    }

    @Test
    void receiptsStopAtTheCeilingsWithAClearCodeAndChangeNothing() {
        Fixtures.Org first = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org second = fixtures.verifiedOrg("ENTERPRISE");

        Api.Response tooLarge = cashIn(first, "1000.01");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.code()).isEqualTo("AMOUNT_ABOVE_CEILING");
        assertThat(tooLarge.json().path("ceiling").path("amount").asString()).isEqualTo("1000.00");
        assertThat(tooLarge.json().path("errors").path(0).path("field").asString())
                .isEqualTo("amount");

        assertThat(cashIn(first, "1000.00").status()).isEqualTo(201);
        assertThat(cashIn(first, "500.00").status()).isEqualTo(201);
        Api.Response aboveBalance = cashIn(first, "0.01");
        assertThat(aboveBalance.status()).isEqualTo(409);
        assertThat(aboveBalance.code()).isEqualTo("BALANCE_ABOVE_CEILING");
        assertThat(aboveBalance.json().path("account").asString()).isEqualTo("AVAILABLE");
        assertThat(available(first)).isEqualTo("1500.00");

        assertThat(cashIn(second, "1000.00").status()).isEqualTo(201);
        Api.Response aboveMarket = cashIn(second, "0.01");
        assertThat(aboveMarket.status()).isEqualTo(409);
        assertThat(aboveMarket.code()).isEqualTo("BALANCE_ABOVE_CEILING");
        assertThat(aboveMarket.json().path("account").asString()).isEqualTo("MARKET");
        assertThat(available(second)).isEqualTo("1000.00");

        // Money leaving the market makes room again.
        Api.Response out = api.post(
                "/api/v1/ledger/cash-outs", first.token(), Map.of("amount", LedgerApiIT.money("300.00", "CNY")));
        assertThat(out.status()).as(out.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/ledger/cash-outs/" + out.text("id") + "/confirmation", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(cashIn(second, "300.00").status()).isEqualTo(201);
        assertThat(available(second)).isEqualTo("1300.00");
    }
}
