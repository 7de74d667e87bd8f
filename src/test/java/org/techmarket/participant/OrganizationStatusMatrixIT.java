package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Cells of the status × action matrix end to end: a suspended organization can still log in and read, but adds no
 * user and withdraws no money; a pending one prepares (users, assets, a draft) but withdraws no money and offers
 * nothing; verified and reinstated ones do both.
 */
class OrganizationStatusMatrixIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> newUser() {
        return Map.of("username", Fixtures.unique("member"), "password", "member password 1", "role", "MEMBER");
    }

    private Api.Response addUser(Fixtures.Org org) {
        return api.post("/api/v1/organizations/" + org.id() + "/users", org.token(), newUser());
    }

    private Api.Response cashOut(Fixtures.Org org, String yuan) {
        return api.post(
                "/api/v1/ledger/cash-outs", org.token(), Map.of("amount", Map.of("amount", yuan, "currency", "CNY")));
    }

    private void cashIn(Fixtures.Org org, String yuan) {
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", yuan, "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
    }

    private String available(Fixtures.Org org) {
        return api.get("/api/v1/accounts", org.token())
                .json()
                .path(0)
                .path("available")
                .path("amount")
                .asString("0.00");
    }

    private static void refused(Api.Response response, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void aSuspendedOrganizationReadsButAddsNoUserAndWithdrawsNoMoneyUntilReinstated() {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        cashIn(org, "1000.00");
        Api.Response pendingOut = cashOut(org, "100.00");
        assertThat(pendingOut.status()).as(pendingOut.text()).isEqualTo(201);

        assertThat(api.post(
                                "/api/v1/organizations/" + org.id() + "/suspension",
                                ADMIN_TOKEN,
                                Map.of("reason", "Unpaid venue fees"))
                        .text("status"))
                .isEqualTo("SUSPENDED");

        refused(addUser(org), "ORGANIZATION_SUSPENDED");
        refused(cashOut(org, "10.00"), "ORGANIZATION_SUSPENDED");
        refused(
                api.post("/api/v1/ledger/cash-outs/" + pendingOut.text("id") + "/cancellation", org.token(), Map.of()),
                "ORGANIZATION_SUSPENDED");
        refused(
                fixtures.registerAsset(org, Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber())),
                "ORGANIZATION_SUSPENDED");
        assertThat(available(org)).isEqualTo("900.00");
        // It still logs in and reads its own data; an operator still acts on its cash-out.
        assertThat(fixtures.logIn(org.username(), org.password())).isNotBlank();
        assertThat(api.get("/api/v1/organizations/" + org.id() + "/users", org.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/ledger/cash-outs/" + pendingOut.text("id"), org.token())
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/ledger/cash-outs/" + pendingOut.text("id") + "/cancellation",
                                ADMIN_TOKEN,
                                Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(available(org)).isEqualTo("1000.00");

        assertThat(api.post("/api/v1/organizations/" + org.id() + "/verification", ADMIN_TOKEN, Map.of())
                        .text("status"))
                .isEqualTo("VERIFIED");
        assertThat(addUser(org).status()).isEqualTo(201);
        assertThat(cashOut(org, "10.00").status()).isEqualTo(201);
    }

    @Test
    void cashOutsRacingTheSuspensionAreEachWhollyBeforeItOrRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
            cashIn(org, "1000.00");
            int requests = 6;
            ExecutorService pool = Executors.newFixedThreadPool(requests + 1);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Response>> outs = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    outs.add(pool.submit(() -> {
                        start.await();
                        return cashOut(org, "10.00");
                    }));
                }
                Future<Api.Response> suspension = pool.submit(() -> {
                    start.await();
                    return api.post(
                            "/api/v1/organizations/" + org.id() + "/suspension",
                            ADMIN_TOKEN,
                            Map.of("reason", "Racing"));
                });
                start.countDown();
                assertThat(suspension.get().status()).isEqualTo(200);
                int accepted = 0;
                for (Future<Api.Response> out : outs) {
                    Api.Response response = out.get();
                    if (response.status() == 201) {
                        accepted++;
                    } else {
                        refused(response, "ORGANIZATION_SUSPENDED");
                    }
                }
                // Each accepted request was wholly before the suspension: requested before its time, funds held.
                Instant suspendedAt = jdbc.sql("select updated_at from organization where id = ?")
                        .param(org.id())
                        .query(Timestamp.class)
                        .single()
                        .toInstant();
                List<Timestamp> requested = jdbc.sql(
                                "select requested_at from ledger_cash_out" + " where organization_id = ?")
                        .param(org.id())
                        .query(Timestamp.class)
                        .list();
                assertThat(requested)
                        .hasSize(accepted)
                        .allSatisfy(at -> assertThat(at.toInstant()).isBeforeOrEqualTo(suspendedAt));
                assertThat(available(org))
                        .isEqualTo(Money.cny(100_000 - accepted * 1_000).decimal());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aPendingOrganizationPreparesButWithdrawsNoMoneyAndOffersNothing() {
        Fixtures.Org org = fixtures.registerOrg("UNIVERSITY");
        cashIn(org, "500.00");

        refused(cashOut(org, "10.00"), "ORGANIZATION_NOT_VERIFIED");
        assertThat(available(org)).isEqualTo("500.00");
        assertThat(addUser(org).status()).isEqualTo(201);
        Api.Response asset = fixtures.registerAsset(org, Fixtures.knowHowAsset(org.id()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        Api.Response patent =
                fixtures.registerAsset(org, Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber()));
        refused(patent, "ORGANIZATION_NOT_VERIFIED");
        Map<String, Object> mechanism = Map.of(
                "type",
                "NEGOTIATION",
                "startPrice",
                Map.of("amount", "2000.00", "currency", "CNY"),
                "deposit",
                Map.of("amount", "0.00", "currency", "CNY"),
                "startsAt",
                Instant.now().toString(),
                "endsAt",
                Instant.now().plus(Duration.ofDays(1)).toString());
        Api.Response draft = api.post(
                "/api/v1/listings",
                org.token(),
                Map.of(
                        "assetIds",
                        List.of(asset.text("id")),
                        "offer",
                        Map.of("type", "ASSIGNMENT"),
                        "title",
                        "A pending university's draft",
                        "mechanism",
                        mechanism));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        refused(
                api.post("/api/v1/listings/" + draft.text("id") + "/submission", org.token(), Map.of()),
                "ORGANIZATION_NOT_VERIFIED");

        Fixtures.Org verified = fixtures.verifiedOrg("ENTERPRISE");
        cashIn(verified, "500.00");
        assertThat(cashOut(verified, "10.00").status()).isEqualTo(201);
        assertThat(addUser(verified).status()).isEqualTo(201);
    }
}
