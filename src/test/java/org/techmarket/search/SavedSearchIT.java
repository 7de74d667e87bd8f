package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.search.application.Indexing;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A buyer saves a search; when a seller then registers an asset that matches it, the buyer is told once
 * ({@code search.matched}, recorded and published once however often the asset changes or is indexed again); a saved
 * search is its user's alone, and bad ones are refused.
 */
class SavedSearchIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Indexing indexing;

    @Test
    void aNewMatchingAssetIsToldToTheSaverOnce() {
        Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        String word = SearchIT.uniqueWord();
        Api.Response saved = api.post(
                "/api/v1/saved-searches",
                buyer.token(),
                Map.of("name", "Electrolytes", "q", word, "industry", "NEW_ENERGY_STORAGE", "channel", "IN_APP"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        String id = saved.text("id");
        assertThat(api.get("/api/v1/saved-searches", buyer.token()).text()).contains(id);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'SavedSearchCreated' and subject = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> other = Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber());
        other.put("title", "Electrolyte " + word + " for another industry");
        other.put("industries", List.of("ARTIFICIAL_INTELLIGENCE"));
        assertThat(fixtures.registerAsset(seller, other).status()).isEqualTo(201);
        Map<String, Object> asset = Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", "Sulfide electrolyte " + word);
        asset.put("industries", List.of("NEW_ENERGY_STORAGE"));
        Api.Response registered = fixtures.registerAsset(seller, asset);
        assertThat(registered.status()).isEqualTo(201);
        String assetId = registered.text("id");

        Eventually.await(
                "the match is recorded",
                Duration.ofSeconds(20),
                () -> matches(id).size() == 1);
        assertThat(matches(id)).containsExactly(assetId);
        assertThat(published(assetId)).isEqualTo(1L);

        indexing.rebuild();
        jdbc.sql("insert into search_change (type, id) values ('asset', ?)")
                .param(assetId)
                .update();
        indexing.catchUp();
        assertThat(matches(id)).containsExactly(assetId);
        assertThat(published(assetId)).isEqualTo(1L);
    }

    @Test
    void aSavedSearchIsItsUsersAloneAndBadOnesAreRefused() {
        Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        Org other = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response saved =
                api.post("/api/v1/saved-searches", buyer.token(), Map.of("q", "固态电池", "channel", "WEBHOOK"));
        assertThat(saved.status()).as(saved.text()).isEqualTo(201);
        String id = saved.text("id");
        assertThat(api.get("/api/v1/saved-searches/" + id, other.token()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/saved-searches/" + id, other.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/saved-searches/" + id, buyer.token()).text("channel"))
                .isEqualTo("WEBHOOK");

        assertThat(api.post("/api/v1/saved-searches", buyer.token(), Map.of("q", "x", "channel", "SMS"))
                        .code())
                .isEqualTo("INVALID_CHANNEL");
        assertThat(api.post("/api/v1/saved-searches", buyer.token(), Map.of("q", "x"))
                        .code())
                .isEqualTo("INVALID_CHANNEL");
        assertThat(api.post(
                                "/api/v1/saved-searches",
                                buyer.token(),
                                Map.of("q", "x", "sort", "price", "channel", "IN_APP"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/saved-searches",
                                buyer.token(),
                                Map.of("q", "x", "priceMin", "-5", "channel", "IN_APP"))
                        .code())
                .isEqualTo("INVALID_PRICE");
        assertThat(api.post("/api/v1/saved-searches", null, Map.of("q", "x", "channel", "IN_APP"))
                        .status())
                .isEqualTo(401);

        assertThat(api.delete("/api/v1/saved-searches/" + id, buyer.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/saved-searches/" + id, buyer.token()).status())
                .isEqualTo(404);
    }

    private List<String> matches(String savedSearchId) {
        return jdbc.sql("select item_id from saved_search_match where saved_search_id = ?")
                .param(savedSearchId)
                .query(String.class)
                .list();
    }

    private static long published(String assetId) {
        return Heard.EVENTS.stream().filter(e -> e.itemId().equals(assetId)).count();
    }

    /** Hears the notices as the notification module would. */
    @TestConfiguration
    static class Heard {
        static final List<SavedSearchMatched> EVENTS = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SavedSearchMatched matched) {
            EVENTS.add(matched);
        }
    }
}
