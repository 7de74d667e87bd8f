package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Searching the market over HTTP: what a seller registers or lists is found by its words, IPC codes and industries
 * soon after it is committed, with facets, snippets and reasons; what leaves the market leaves the index; bad requests
 * are refused with their codes and no token is needed.
 */
class SearchIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final Random RANDOM = new Random();

    @Test
    void aRegisteredAssetIsFoundByItsWordsIpcAndIndustryWithoutAToken() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        String id = registerAsset(university, "全固态锂电池的硫化物固态电解质 " + word, "H01M 10/0562", "NEW_ENERGY_STORAGE");

        JsonNode found = awaitFound("q=" + word, id);
        JsonNode hit = hit(found, id);
        assertThat(hit.get("type").asString()).isEqualTo("asset");
        assertThat(hit.get("industries").get(0).asString()).isEqualTo("NEW_ENERGY_STORAGE");
        assertThat(hit.get("province").asString()).isEqualTo("440000");
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("totalRelation").asString())
                .as("every match counted")
                .isEqualTo("eq");
        assertThat(found.get("facets").get("industry").get(0).get("value").asString())
                .isEqualTo("NEW_ENERGY_STORAGE");

        JsonNode chinese = search("q=" + encode("固态电解质 " + word) + "&types=asset&limit=100");
        assertThat(whyOf(chinese, id)).anySatisfy(why -> assertThat(why).startsWith("title matches 固态电解质"));
        assertThat(hit(chinese, id).get("snippet").asString()).contains("<mark>");
        JsonNode industry = search("q=" + encode("新型储能 " + word) + "&limit=100");
        assertThat(whyOf(industry, id)).contains("industry NEW_ENERGY_STORAGE");

        for (String ipc : List.of("H01M", "H01M10", "H01M 10/05", "H01M 10/0562")) {
            assertThat(ids(search("q=" + word + "&ipc=" + encode(ipc)))).as(ipc).containsExactly(id);
        }
        assertThat(ids(search("q=" + word + "&ipc=" + encode("H01M 10/06")))).isEmpty();
        assertThat(ids(search("q=" + word + "&industry=QUANTUM_INFORMATION"))).isEmpty();
        assertThat(ids(search("q=" + word + "&province=440000&types=asset,listing")))
                .containsExactly(id);
    }

    @Test
    void aPublishedListingIsFoundWithItsPriceAndLeavesWhenWithdrawnFromTheOrganizationsSearch() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        String asset = registerAsset(seller, "Sulfide electrolyte " + word, "H01M 10/0562", "NEW_ENERGY_STORAGE");
        String listing = fixtures.publishListing(
                seller, fixedPrice(asset, "Licence of the " + word + " electrolyte", "250000.00"));

        JsonNode found = awaitFound("q=" + word + "&types=listing", listing);
        JsonNode hit = hit(found, listing);
        assertThat(hit.get("price").get("amount").asString()).isEqualTo("250000.00");
        assertThat(ids(search("q=" + word + "&types=listing&priceMin=200000&priceMax=300000")))
                .containsExactly(listing);
        assertThat(ids(search("q=" + word + "&types=listing&priceMax=199999.99")))
                .isEmpty();
        assertThat(ids(search("q=" + word + "&mechanism=FIXED_PRICE&types=listing")))
                .containsExactly(listing);
        assertThat(found.get("facets").get("priceBand").get(0).get("value").asString())
                .isEqualTo("100000-1000000");
    }

    @Test
    void anOrganizationIsFoundOnceVerifiedAndNoLongerOnceSuspended() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String name = api.get("/api/v1/organizations/" + org.id(), org.token()).text("name");
        JsonNode found = awaitFound("q=" + encode(name) + "&types=organization&limit=100", org.id());
        assertThat(hit(found, org.id()).get("title").asString()).isEqualTo(name);

        Api.Response suspended =
                api.post("/api/v1/organizations/" + org.id() + "/suspension", ADMIN_TOKEN, Map.of("reason", "test"));
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
        Eventually.await(
                "the suspended organization leaves the index",
                SOON,
                () -> !ids(search("q=" + encode(name) + "&types=organization&limit=100"))
                        .contains(org.id()));
    }

    @Test
    void pagesFollowOneAnotherByCursorWithoutRepeats() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registered.add(
                    registerAsset(university, "Battery separator " + word + " " + i, "H01M 50/40", "NEW_ENERGY"));
        }
        Eventually.await(
                "all three are indexed", SOON, () -> ids(search("q=" + word)).size() == 3);
        for (String sort : List.of("relevance", "newest")) {
            JsonNode first = search("q=" + word + "&limit=2&sort=" + sort);
            assertThat(first.get("total").asLong()).isEqualTo(3);
            JsonNode second = search("q=" + word + "&limit=2&sort=" + sort + "&cursor="
                    + first.get("nextCursor").asString());
            List<String> all = new ArrayList<>(ids(first));
            all.addAll(ids(second));
            assertThat(all).as(sort).containsExactlyInAnyOrderElementsOf(registered);
            assertThat(second.get("nextCursor").isNull()).isTrue();
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirCodes() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("q=" + "x".repeat(1001), "QUERY_TOO_LONG");
        refused.put("q=" + encode("\"open phrase"), "QUERY_SYNTAX");
        refused.put("q=" + encode("battery \"\""), "QUERY_SYNTAX");
        refused.put("q=" + encode("\"  \" battery"), "QUERY_SYNTAX");
        refused.put("q=" + encode("\"solid electrolyte\" \"fuel"), "QUERY_SYNTAX");
        refused.put("types=asset,spaceship", "UNKNOWN_TYPE");
        refused.put("industry=FLYING_CARS", "UNKNOWN_FILTER_VALUE");
        refused.put("kind=TIME_MACHINE", "UNKNOWN_FILTER_VALUE");
        refused.put("mechanism=LOTTERY", "UNKNOWN_FILTER_VALUE");
        refused.put("status=LOST_AT_SEA", "UNKNOWN_FILTER_VALUE");
        refused.put("industry=NEW_ENERGY_STORAGE,FLYING_CARS", "UNKNOWN_FILTER_VALUE");
        refused.put("province=999999", "UNKNOWN_PROVINCE");
        refused.put("province=440300", "UNKNOWN_PROVINCE");
        refused.put("ipc=ZZZ", "INVALID_IPC");
        refused.put("priceMin=-1", "INVALID_PRICE");
        refused.put("priceMax=-0.01", "INVALID_PRICE");
        refused.put("priceMax=1e9", "INVALID_PRICE");
        refused.put("priceMin=99999999999999999999", "INVALID_PRICE");
        refused.put("priceMin=10&priceMax=5", "INVERTED_PRICE_RANGE");
        refused.put("sort=cheapest", "UNKNOWN_SORT");
        refused.put("q=battery&mode=sideways", "UNKNOWN_MODE");
        refused.put("q=battery&mode=vectors&sort=newest", "MODE_RANKS_BY_RELEVANCE");
        refused.put("q=battery&mode=hybrid&cursor=not-a-cursor", "INVALID_CURSOR");
        refused.put("limit=0", "INVALID_LIMIT");
        refused.put("limit=101", "INVALID_LIMIT");
        refused.put("limit=ten", "INVALID_LIMIT");
        refused.put("cursor=not-a-cursor", "INVALID_CURSOR");
        refused.put("q=%00", "INVALID_CHARACTERS");
        refused.forEach((query, code) -> {
            Api.Response response = api.get("/api/v1/search?" + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.code()).as(query).isEqualTo(code);
        });
    }

    @Test
    void anOperatorRebuildsTheIndexWhileSearchesGoOn() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        String id = registerAsset(
                university, "Quantum key distribution terminal " + word, "H04L 9/08", "QUANTUM_INFORMATION");
        awaitFound("q=" + word, id);

        Api.Response byMember = api.post("/api/v1/search/reindex", university.token(), Map.of());
        assertThat(byMember.status()).isEqualTo(403);
        Api.Response rebuild = api.post("/api/v1/search/reindex", ADMIN_TOKEN, Map.of());
        assertThat(rebuild.status()).as(rebuild.text()).isEqualTo(202);
        for (int i = 0; i < 20; i++) {
            assertThat(ids(search("q=" + word))).containsExactly(id);
        }
        String later =
                registerAsset(university, "Quantum random number source " + word, "H04L 9/08", "QUANTUM_INFORMATION");
        Eventually.await(
                "both are found after the rebuild",
                SOON,
                () -> ids(search("q=" + word)).containsAll(List.of(id, later)));
    }

    private String registerAsset(Org owner, String title, String ipc, String industry) {
        Map<String, Object> asset = Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", title);
        asset.put("abstract", "本发明涉及 " + title + "。The invention relates to " + title + ".");
        asset.put("ipc", List.of(ipc));
        asset.put("industries", List.of(industry));
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.text("id");
    }

    static Map<String, Object> fixedPrice(String assetId, String title, String price) {
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", Map.of("amount", price, "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", "0.00", "currency", "CNY"));
        mechanism.put("startsAt", Instant.now().toString());
        mechanism.put("endsAt", Instant.now().plus(Duration.ofDays(1)).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(assetId));
        body.put("offer", Map.of("type", "ASSIGNMENT"));
        body.put("mechanism", mechanism);
        body.put("title", title);
        body.put("description", "A granted invention patent with a working prototype.");
        return body;
    }

    private JsonNode awaitFound(String query, String id) {
        JsonNode[] last = new JsonNode[1];
        Eventually.await(id + " is found by " + query, SOON, () -> {
            last[0] = search(query);
            return ids(last[0]).contains(id);
        });
        return last[0];
    }

    JsonNode search(String query) {
        Api.Response response = api.get("/api/v1/search?" + query, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode item : result.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not among " + ids(result));
    }

    private static List<String> whyOf(JsonNode result, String id) {
        List<String> why = new ArrayList<>();
        hit(result, id).get("why").forEach(w -> why.add(w.asString()));
        return why;
    }

    /** A word no other test writes: letters only, so both analyzers keep it whole. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.append("x").toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
