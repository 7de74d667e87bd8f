package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.asset.Assets;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** An assignment recorded by the rights registry moves the asset's owners in the asset registry, in one step. */
class AssignmentOwnershipIT extends IntegrationTest {

    @Autowired
    RightsRegistry registry;

    @Autowired
    Assets assets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private RightsKit kit;
    private Fixtures.Org seller;
    private Fixtures.Org buyer;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        seller = kit.verified("UNIVERSITY");
        buyer = kit.verified("ENTERPRISE");
        patent = kit.patent(seller);
    }

    @Test
    void afterAnAssignmentTheAssigneeOwnsListsAndLicensesTheAssetAndTheAssignorNoLonger() {
        String assignment = kit.granted(seller, patent, assignment(buyer));

        Api.Response asset = api.get("/api/v1/assets/" + patent, buyer.token());
        assertThat(asset.header("ETag")).isEqualTo("\"2\"");
        assertThat(asset.json().path("owners").findValuesAsString("organizationId"))
                .containsExactly(buyer.id());
        assertThat(asset.json().path("owners").findValuesAsString("share")).containsExactly("100.00");
        assertThat(jdbc.sql("select payload from audit_event where type = 'AssetOwnershipTransferred' and subject = ?")
                        .param("asset:" + patent)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("\"grantId\":\"" + assignment + "\"")
                .contains("\"assignee\":\"" + buyer.id() + "\"");
        assertThat(assetIdsOwnedBy(buyer)).containsExactly(patent);
        assertThat(assetIdsOwnedBy(seller)).doesNotContain(patent);

        Fixtures.Org licensee = kit.verified("ENTERPRISE");
        assertThat(kit.grant(seller, patent, grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN"))
                        .code())
                .isEqualTo("NOT_GRANTOR");
        assertThat(kit.grant(buyer, patent, grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN"))
                        .status())
                .isEqualTo(201);
        Api.Response byFormerOwner = api.post("/api/v1/listings", seller.token(), listing(patent));
        assertThat(byFormerOwner.status()).as(byFormerOwner.text()).isEqualTo(403);
        assertThat(byFormerOwner.code()).isEqualTo("NOT_ASSET_OWNER");
        Api.Response byNewOwner = api.post("/api/v1/listings", buyer.token(), listing(patent));
        assertThat(byNewOwner.status()).as(byNewOwner.text()).isEqualTo(201);
        assertThat(api.put("/api/v1/assets/" + patent, seller.token(), Map.of("title", "Renamed"), "\"2\"")
                        .code())
                .isEqualTo("NOT_OWNER");
        assertThat(registry.owners(patent)).containsExactly(buyer.id());
    }

    @Test
    void anAssignmentRecordedForADealMovesOwnershipOnceAndBumpsTheVersion() {
        String cause = Fixtures.unique("cause");
        GrantTerms terms = new GrantTerms(
                GrantKind.ASSIGNMENT,
                buyer.id(),
                new GrantScope(List.of("*"), List.of("WORLD"), TODAY, TODAY.plusYears(10)),
                false,
                false,
                Optional.empty());

        GrantSummary first = registry.record(cause, patent, registry.owners(patent), terms);
        GrantSummary again = registry.record(cause, patent, Set.of(seller.id()), terms);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(assets.find(patent).orElseThrow().ownerShares()).isEqualTo(Map.of(buyer.id(), 10_000));
        assertThat(api.get("/api/v1/assets/" + patent, buyer.token()).header("ETag"))
                .isEqualTo("\"2\"");
        assertThat(transfers(patent)).isEqualTo(1);
    }

    @Test
    void coOwnersAssignTogetherAndOneCoOwnerAloneAssignsOnlyItsShare() {
        Fixtures.Org lab = kit.verified("RESEARCH_INSTITUTE");
        Map<String, Object> shared = Map.of(
                "owners",
                List.of(
                        Map.of("organizationId", seller.id(), "share", "60"),
                        Map.of("organizationId", lab.id(), "share", "40")));
        String together = kit.patent(seller, shared);
        kit.confirmCoOwnership(lab, together);
        GrantTerms terms = new GrantTerms(
                GrantKind.ASSIGNMENT,
                buyer.id(),
                new GrantScope(List.of("*"), List.of("WORLD"), TODAY, TODAY.plusYears(10)),
                false,
                false,
                Optional.empty());

        Rejection alone = catchThrowableOfType(
                Rejection.class, () -> registry.record(Fixtures.unique("cause"), together, Set.of(seller.id()), terms));
        assertThat(alone.code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(assets.find(together).orElseThrow().ownerShares()).hasSize(2);

        registry.record(Fixtures.unique("cause"), together, Set.of(seller.id(), lab.id()), terms);
        assertThat(assets.find(together).orElseThrow().ownerShares()).isEqualTo(Map.of(buyer.id(), 10_000));

        String partly = kit.patent(seller, shared);
        kit.confirmCoOwnership(lab, partly);
        transactions.executeWithoutResult(
                tx -> assets.recordAssignment("test", partly, Set.of(lab.id()), buyer.id(), "grant-of-the-lab-share"));
        assertThat(assets.find(partly).orElseThrow().ownerShares())
                .isEqualTo(Map.of(seller.id(), 6_000, buyer.id(), 4_000));
    }

    @Test
    void anAssignmentByANonOwnerChangesNoOwner() {
        Fixtures.Org stranger = kit.verified("ENTERPRISE");

        Rejection refused = catchThrowableOfType(
                Rejection.class,
                () -> transactions.executeWithoutResult(
                        tx -> assets.recordAssignment("test", patent, Set.of(stranger.id()), buyer.id(), "grant-x")));
        assertThat(refused.code()).isEqualTo("ASSIGNOR_NOT_OWNER");
        assertThat(catchThrowableOfType(
                                Rejection.class,
                                () -> transactions.executeWithoutResult(tx -> assets.recordAssignment(
                                        "test", "no-such-asset", Set.of(seller.id()), buyer.id(), "grant-y")))
                        .code())
                .isEqualTo("NOT_FOUND");
        Api.Response overHttp = kit.grant(stranger, patent, assignment(buyer));
        assertThat(overHttp.status()).isEqualTo(403);

        assertThat(assets.find(patent).orElseThrow().ownerShares()).isEqualTo(Map.of(seller.id(), 10_000));
        assertThat(api.get("/api/v1/assets/" + patent, seller.token()).header("ETag"))
                .isEqualTo("\"1\"");
        assertThat(transfers(patent)).isZero();
    }

    @Test
    void ofTwoAssignmentsOfOneAssetAtOnceExactlyOneIsRecorded() throws Exception {
        Fixtures.Org rival = kit.verified("ENTERPRISE");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Api.Response> responses;
        try {
            Future<Api.Response> toBuyer = pool.submit(() -> {
                start.await();
                return kit.grant(seller, patent, assignment(buyer));
            });
            Future<Api.Response> toRival = pool.submit(() -> {
                start.await();
                return kit.grant(seller, patent, assignment(rival));
            });
            start.countDown();
            responses = List.of(toBuyer.get(), toRival.get());
        } finally {
            pool.shutdown();
        }

        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 403);
        Api.Response won =
                responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        assertThat(responses.stream()
                        .filter(r -> r.status() == 403)
                        .findFirst()
                        .orElseThrow()
                        .code())
                .isEqualTo("NOT_GRANTOR");
        assertThat(assets.find(patent).orElseThrow().ownerShares()).isEqualTo(Map.of(won.text("granteeId"), 10_000));
        assertThat(api.get("/api/v1/assets/" + patent, seller.token()).header("ETag"))
                .isEqualTo("\"2\"");
        assertThat(transfers(patent)).isEqualTo(1);
    }

    private List<String> assetIdsOwnedBy(Fixtures.Org org) {
        List<String> ids = new java.util.ArrayList<>();
        api.get("/api/v1/assets?owner=" + org.id(), org.token())
                .json()
                .path("items")
                .forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private long transfers(String assetId) {
        return jdbc.sql("select count(*) from audit_event where type = 'AssetOwnershipTransferred' and subject = ?")
                .param("asset:" + assetId)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> assignment(Fixtures.Org to) {
        return grant("ASSIGNMENT", to.id(), "*", "WORLD", TODAY, TODAY.plusYears(10));
    }

    /** A draft English auction of the whole right. */
    private static Map<String, Object> listing(String assetId) {
        Instant startsAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "ENGLISH");
        mechanism.put("startPrice", Map.of("amount", "100000.00", "currency", "CNY"));
        mechanism.put("increment", Map.of("amount", "1000.00", "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", "5000.00", "currency", "CNY"));
        mechanism.put("startsAt", startsAt.toString());
        mechanism.put("endsAt", startsAt.plus(7, ChronoUnit.DAYS).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(assetId));
        body.put("offer", Map.of("type", "ASSIGNMENT"));
        body.put("mechanism", mechanism);
        body.put("title", "Sparse-sensor training method");
        body.put("description", "A granted invention patent, assigned whole.");
        return body;
    }
}
