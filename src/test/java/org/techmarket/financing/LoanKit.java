package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.support.Fixtures.patentAsset;
import static org.techmarket.support.Fixtures.uniqueCnPatentNumber;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.MovableClock;
import tools.jackson.databind.JsonNode;

/** Lenders, owners' requests, offers and loans for the financing tests, made through the HTTP API. */
final class LoanKit {

    /** 3.65% a year: on 60,000.00 yuan exactly 6.00 a day, so every figure is whole fen. */
    static final int RATE = 365;

    private final Api api;
    private final Fixtures fixtures;
    private final MovableClock clock;

    LoanKit(Api api, Fixtures fixtures, MovableClock clock) {
        this.api = api;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    Fixtures.Org lenderWith(String yuan) {
        Fixtures.Org bank = fixtures.verifiedOrg("LENDER");
        fixtures.cashIn(bank, yuan);
        return bank;
    }

    String patent(Fixtures.Org owner) {
        Api.Response asset = fixtures.registerAsset(owner, patentAsset(owner.id(), uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        return asset.text("id");
    }

    static Map<String, Object> askBody(String assetId, String amount, int months) {
        return Map.of(
                "assetIds",
                List.of(assetId),
                "amount",
                Map.of("amount", amount, "currency", "CNY"),
                "termMonths",
                months,
                "purpose",
                "Working capital for the pilot line");
    }

    String ask(Fixtures.Org owner, List<String> assetIds, String amount, int months) {
        Api.Response asked =
                api.post("/api/v1/financing-requests", owner.token(), askBody(assetIds.get(0), amount, months));
        assertThat(asked.status()).as(asked.text()).isEqualTo(201);
        assertThat(asked.text("status")).isEqualTo("OPEN");
        return asked.text("id");
    }

    Api.Response offer(Fixtures.Org lender, String request, int rate, int loanToValue, int months) {
        return offer(lender, request, Map.of("rate", rate, "loanToValue", loanToValue, "termMonths", months));
    }

    Api.Response offer(Fixtures.Org lender, String request, Map<String, Object> body) {
        return api.post("/api/v1/financing-requests/" + request + "/offers", lender.token(), body);
    }

    static String acceptance(String request, String offer) {
        return "/api/v1/financing-requests/" + request + "/offers/" + offer + "/acceptance";
    }

    Api.Response accept(Fixtures.Org owner, String request, String offer) {
        return api.post(acceptance(request, offer), owner.token(), Map.of());
    }

    /** The firm's loan of 60,000.00 from the bank at {@link #RATE} over {@code months}, against a patent of its own. */
    JsonNode sixtyThousandOver(Fixtures.Org firm, Fixtures.Org bank, int months) {
        return sixtyThousandOver(firm, bank, months, patent(firm));
    }

    /** The firm's loan of 60,000.00 from the bank at {@link #RATE} over {@code months}, against {@code patent}. */
    JsonNode sixtyThousandOver(Fixtures.Org firm, Fixtures.Org bank, int months, String patent) {
        String request = ask(firm, List.of(patent), "60000.00", months);
        Api.Response accepted =
                accept(firm, request, offer(bank, request, RATE, 6000, months).text("id"));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        return accepted.json();
    }

    JsonNode grant(Fixtures.Org owner, String grantId) {
        Api.Response grant = api.get("/api/v1/grants/" + grantId, owner.token());
        assertThat(grant.status()).as(grant.text()).isEqualTo(200);
        return grant.json();
    }

    void moveTo(LocalDate day) {
        clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(ZoneOffset.UTC), day)));
    }

    /** The organization with a token issued now, as the clock reads: one issued before a shift may have run out. */
    Fixtures.Org fresh(Fixtures.Org org) {
        return new Fixtures.Org(
                org.id(),
                org.adminId(),
                org.username(),
                org.password(),
                fixtures.logIn(org.username(), org.password()));
    }

    static long decimalFen(String decimal) {
        return new BigDecimal(decimal).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
