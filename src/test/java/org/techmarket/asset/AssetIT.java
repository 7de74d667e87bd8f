package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

class AssetIT extends IntegrationTest {

    @Test
    void aVerifiedOrganizationRegistersAPatentAndGetsSuggestionsBack() {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        String number = Fixtures.uniqueCnPatentNumber();

        Api.Response created = fixtures.registerAsset(university, Fixtures.patentAsset(university.id(), number));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/assets/" + created.text("id"));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.json().path("version").asLong()).isEqualTo(1);
        assertThat(created.json()
                        .path("suggestedIndustries")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .contains("ARTIFICIAL_INTELLIGENCE", "HUMANOID_ROBOTS");
        assertThat(created.json().path("technologyFields").findValuesAsString("name"))
                .isNotEmpty();
        assertThat(created.json().path("owners").get(0).path("share").asString())
                .isEqualTo("100.00");

        Api.Response read = api.get("/api/v1/assets/" + created.text("id"), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("patentNumber")).isEqualTo("CN" + number.substring(2));
    }

    @Test
    void coOwnersSharesMustSumToExactlyOneHundred() {
        Fixtures.Org a = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org b = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(a.id(), Fixtures.uniqueCnPatentNumber()));

        asset.put(
                "owners",
                List.of(
                        Map.of("organizationId", a.id(), "share", "33.33"),
                        Map.of("organizationId", b.id(), "share", "66.66")));
        Api.Response short1 = fixtures.registerAsset(a, asset);
        assertThat(short1.status()).isEqualTo(400);
        assertThat(short1.json().path("errors").findValuesAsString("field")).contains("owners");

        asset.put(
                "owners",
                List.of(
                        Map.of("organizationId", a.id(), "share", "33.333"),
                        Map.of("organizationId", b.id(), "share", "66.667")));
        assertThat(fixtures.registerAsset(a, asset).json().path("errors").findValuesAsString("field"))
                .contains("owners[0].share", "owners[1].share");

        asset.put(
                "owners",
                List.of(
                        Map.of("organizationId", a.id(), "share", "33.34"),
                        Map.of("organizationId", b.id(), "share", "66.66")));
        Api.Response ok = fixtures.registerAsset(a, asset);
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
    }

    @Test
    void badFieldsAreAllReportedAndNothingIsStored() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        String number = Fixtures.uniqueCnPatentNumber();
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(org.id(), number));
        asset.put("patentNumber", number.substring(0, number.length() - 1) + (number.endsWith("1") ? "2" : "1"));
        asset.put("ipc", List.of("G06N 3/08", "Z99Q 1/1"));
        asset.put("industries", List.of("TIME_TRAVEL"));
        asset.put("trl", 10);
        asset.put("language", "fr");

        Api.Response response = fixtures.registerAsset(org, asset);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("patentNumber", "ipc[1]", "industries[0]", "trl", "language");
        assertThat(api.get("/api/v1/assets?owner=" + org.id(), org.token())
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void aPatentIsRegisteredOnceAndOnlyByOneOfItsOwners() {
        Fixtures.Org owner = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        String number = Fixtures.uniqueCnPatentNumber();
        assertThat(fixtures.registerAsset(owner, Fixtures.patentAsset(owner.id(), number))
                        .status())
                .isEqualTo(201);

        Api.Response twice = fixtures.registerAsset(owner, Fixtures.patentAsset(owner.id(), number));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ASSET_EXISTS");

        Api.Response forOthers =
                fixtures.registerAsset(stranger, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(forOthers.status()).isEqualTo(400);
        assertThat(forOthers.code()).isEqualTo("REGISTRANT_NOT_OWNER");
        Api.Response unknownOwner =
                fixtures.registerAsset(owner, Fixtures.patentAsset("no-such-org", Fixtures.uniqueCnPatentNumber()));
        assertThat(unknownOwner.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/assets", null, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void updatesNeedTheCurrentVersionAndOnlyOwnersMayMakeThem() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org stranger = fixtures.verifiedOrg("ENTERPRISE");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        String id = fixtures.registerAsset(owner, asset).text("id");
        String path = "/api/v1/assets/" + id;
        asset.put("title", "A better title");

        assertThat(api.put(path, owner.token(), asset, null).code()).isEqualTo("IF_MATCH_REQUIRED");
        assertThat(api.put(path, stranger.token(), asset, "\"1\"").status()).isEqualTo(403);
        Api.Response updated = api.put(path, owner.token(), asset, "\"1\"");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.text("title")).isEqualTo("A better title");

        Api.Response stale = api.put(path, owner.token(), asset, "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("VERSION_MISMATCH");
        asset.put("owners", List.of(Map.of("organizationId", stranger.id(), "share", "100")));
        assertThat(api.put(path, owner.token(), asset, "\"2\"").code()).isEqualTo("OWNERS_CHANGE_NOT_ALLOWED");
        assertThat(api.get(path, null).text("title")).isEqualTo("A better title");
        assertThat(api.put("/api/v1/assets/unknown", owner.token(), asset, "\"1\"")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneWin() throws Exception {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        String path = "/api/v1/assets/" + fixtures.registerAsset(owner, asset).text("id");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Map<String, Object> change = new HashMap<>(asset);
            change.put("title", "Title from writer " + i);
            Callable<Integer> write = () -> {
                start.await();
                return api.put(path, owner.token(), change, "\"1\"").status();
            };
            results.add(pool.submit(write));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(api.get(path, null).json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void theRegistryPagesWithACursorAndFilters() {
        Fixtures.Org owner = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> asset =
                    new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
            asset.put("industries", List.of(i % 2 == 0 ? "QUANTUM_INFORMATION" : "NEW_ENERGY_STORAGE"));
            Api.Response registered = fixtures.registerAsset(owner, asset);
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(
                    "/api/v1/assets?owner=" + owner.id() + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    null);
            page.json().path("items").forEach(item -> seen.add(item.path("id").asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(api.get("/api/v1/assets?owner=" + owner.id() + "&industry=QUANTUM_INFORMATION", null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/assets?kind=KNOW_HOW&owner=" + owner.id(), null)
                        .json()
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/assets?industry=NOPE", null).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api.get("/api/v1/assets?limit=0", null).code()).isEqualTo("INVALID_LIMIT");
        assertThat(api.get("/api/v1/assets?cursor=!!!", null).status()).isEqualTo(400);
    }

    @Test
    void nonPatentsCarryNoPatentNumber() {
        Fixtures.Org owner = fixtures.registerOrg("ENTERPRISE");
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), null));
        asset.put("kind", "DATA_PRODUCT");
        asset.remove("patentNumber");
        Api.Response ok = fixtures.registerAsset(owner, asset);
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        asset.put("patentNumber", Fixtures.uniqueCnPatentNumber());
        assertThat(fixtures.registerAsset(owner, asset).json().path("errors").findValuesAsString("field"))
                .containsExactly("patentNumber");
    }
}
