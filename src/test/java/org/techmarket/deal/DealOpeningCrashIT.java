package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.support.Api;
import org.techmarket.support.EventPublications;
import org.techmarket.support.EventPublications.Publication;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * A sale whose server is killed ({@code kill -9}) after the sale committed and before its deal opened gets its deal
 * when the server starts again on the same data: the award was stored with the sale, and the restarted node delivers
 * what was left undelivered. The market runs as a separate process; the test holds the deal table locked so that the
 * deal opening is certainly under way, and waiting, when the server dies.
 */
class DealOpeningCrashIT {

    @TempDir
    Path dataDir;

    private ServerProcess server;

    @AfterEach
    void stop() {
        ServerProcess.stopAll(Optional.ofNullable(server), dataDir);
    }

    @Test
    void aSaleWhoseServerDiesBeforeItsDealOpensGetsItsDealAfterTheRestart() throws Exception {
        server = ServerProcess.start(dataDir);
        Api api = server.api();
        Fixtures fixtures = new Fixtures(api);
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        String listing = fixedPriceListing(api, seller, asset.text("id"));
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                IntegrationTest.ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        buyer.id(),
                        "amount",
                        cny("100000.00"),
                        "bankReference",
                        Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);

        EventPublications publications = new EventPublications(server.database());
        try (Connection blocker = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table deal in access exclusive mode");
            Api.Response bought = api.post("/api/v1/listings/" + listing + "/purchase", buyer.token(), Map.of());
            assertThat(bought.status()).as(bought.text()).isEqualTo(201);
            publications.awaitStatus(listing, "PROCESSING");
            server.kill();
            blocker.rollback();
        }
        assertThat(publications.ofAward(listing))
                .singleElement()
                .extracting(Publication::completed)
                .isEqualTo(false);

        server = ServerProcess.start(dataDir);
        publications = new EventPublications(server.database());
        assertThat(publications.awaitDelivered(listing))
                .singleElement()
                .extracting(Publication::attempts)
                .isEqualTo(2);
        JsonNode deals = server.api()
                .get("/api/v1/deals?limit=200&role=buyer", buyer.token())
                .json()
                .path("items");
        assertThat(deals).hasSize(1);
        assertThat(deals.get(0).path("listingId").asString()).isEqualTo(listing);
        assertThat(deals.get(0).path("status").asString()).isEqualTo("SIGNING");
        assertThat(server.api()
                        .get("/api/v1/listings/" + listing, buyer.token())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("AWARDED");
    }

    /** A fixed-price sale of the asset's assignment for 80,000.00, open now: drafted, submitted and approved. */
    private static String fixedPriceListing(Api api, Fixtures.Org seller, String assetId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", cny("80000.00"));
        mechanism.put("deposit", cny("1000.00"));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(1, ChronoUnit.HOURS).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(assetId));
        body.put("offer", Map.of("type", "ASSIGNMENT"));
        body.put("mechanism", mechanism);
        body.put("title", "Sparse-sensor training method");
        body.put("description", "A granted invention patent with a working prototype.");
        Api.Response draft = api.post("/api/v1/listings", seller.token(), body);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted = api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }
}
