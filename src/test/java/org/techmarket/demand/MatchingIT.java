package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Matching over the registry: a need's assets and their owners, and an asset's needs, ranked with their reasons. */
class MatchingIT extends IntegrationTest {

    @Test
    void aNeedsMatchesRankAssetsAndOrganizationsWithTheirReasons() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org electrolyte = fixtures.verifiedOrg("UNIVERSITY");
        Org cathode = fixtures.verifiedOrg("RESEARCH_INSTITUTE");
        Org vision = fixtures.verifiedOrg("ENTERPRISE");
        String best =
                asset(electrolyte, "Sulfide solid-state electrolyte film", "H01M 10/0525", "NEW_ENERGY_STORAGE", 7);
        String second = asset(cathode, "Coated cathode particles", "H01M 4/13", "NEW_ENERGY_STORAGE", 4);
        String unrelated = asset(vision, "Neural network accelerator", "G06N 3/08", "ARTIFICIAL_INTELLIGENCE", 9);
        String own = asset(poster, "Sulfide solid-state electrolyte", "H01M 10/0525", "NEW_ENERGY_STORAGE", 9);
        String need = market.publish(
                "/api/v1/needs", poster, DemandMarket.need(DemandMarket.unique("Electrolyte"), "PUBLIC"));

        Api.Response matches = api.get("/api/v1/needs/" + need + "/matches", null);
        assertThat(matches.status()).as(matches.text()).isEqualTo(200);
        List<JsonNode> assets = ofIds(matches.json().path("assets"), List.of(best, second, unrelated, own));
        assertThat(assets).extracting(a -> a.path("id").asString()).containsExactly(best, second);
        JsonNode top = assets.get(0);
        assertThat(reasons(top))
                .containsEntry("ipc", "H01M 10/00=30")
                .containsEntry("industry", "NEW_ENERGY_STORAGE=20")
                .containsEntry("region", "440300=10")
                .containsEntry("readiness", "TRL 7=10");
        assertThat(reasons(top)).containsEntry("terms", "electrolyte,sulfide,solid,state=20");
        assertThat(top.path("score").asInt()).isEqualTo(30 + 20 + 20 + 10 + 10);
        assertThat(reasons(assets.get(1))).containsEntry("ipc", "H01M=15").doesNotContainKey("terms");

        List<String> organizations = new ArrayList<>();
        matches.json()
                .path("organizations")
                .forEach(o -> organizations.add(o.path("id").asString()));
        assertThat(organizations.stream()
                        .filter(List.of(electrolyte.id(), cathode.id(), vision.id(), poster.id())::contains))
                .containsExactly(electrolyte.id(), cathode.id());

        Api.Response needs = api.get("/api/v1/assets/" + best + "/matches", null);
        assertThat(needs.status()).as(needs.text()).isEqualTo(200);
        assertThat(ofIds(needs.json().path("needs"), List.of(need)))
                .singleElement()
                .satisfies(n -> assertThat(n.path("kind").asString()).isEqualTo("NEED"));
        assertThat(ofIds(
                        api.get("/api/v1/assets/" + unrelated + "/matches", null)
                                .json()
                                .path("needs"),
                        List.of(need)))
                .isEmpty();
        assertThat(api.get("/api/v1/assets/nope/matches", null).status()).isEqualTo(404);
    }

    @Test
    void aVerifiedOnlyNeedIsMatchedOnlyForThoseWhoMaySeeIt() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String asset = asset(owner, "Sulfide solid-state electrolyte", "H01M 10/0525", "NEW_ENERGY_STORAGE", 6);
        String need = market.publish("/api/v1/needs", poster, DemandMarket.need("Hidden electrolyte", "VERIFIED_ONLY"));

        assertThat(api.get("/api/v1/needs/" + need + "/matches", null).status()).isEqualTo(404);
        assertThat(ofIds(
                        api.get("/api/v1/assets/" + asset + "/matches", null)
                                .json()
                                .path("needs"),
                        List.of(need)))
                .isEmpty();
        assertThat(ofIds(
                        api.get("/api/v1/assets/" + asset + "/matches", owner.token())
                                .json()
                                .path("needs"),
                        List.of(need)))
                .hasSize(1);
        assertThat(ofIds(
                        api.get("/api/v1/needs/" + need + "/matches", owner.token())
                                .json()
                                .path("assets"),
                        List.of(asset)))
                .hasSize(1);
    }

    private String asset(Org owner, String title, String ipc, String industry, int trl) {
        Map<String, Object> asset = Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", title);
        asset.put("abstract", title + ", as the claims describe.");
        asset.put("ipc", List.of(ipc));
        asset.put("industries", List.of(industry));
        asset.put("trl", trl);
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.text("id");
    }

    /** The items among {@code ids}, in the answer's order. */
    private static List<JsonNode> ofIds(JsonNode items, List<String> ids) {
        List<JsonNode> result = new ArrayList<>();
        items.forEach(item -> {
            if (ids.contains(item.path("id").asString())) {
                result.add(item);
            }
        });
        return result;
    }

    /** kind → "found,found=points". */
    private static Map<String, String> reasons(JsonNode match) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        match.path("reasons").forEach(r -> {
            List<String> found = new ArrayList<>();
            r.path("found").forEach(f -> found.add(f.asString()));
            reasons.put(
                    r.path("kind").asString(),
                    String.join(",", found) + "=" + r.path("points").asInt());
        });
        return reasons;
    }
}
