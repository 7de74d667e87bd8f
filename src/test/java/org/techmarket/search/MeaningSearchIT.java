package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.search.SearchIT.encode;
import static org.techmarket.search.SearchIT.ids;
import static org.techmarket.search.SearchIT.uniqueWord;
import static org.techmarket.search.TranslatedSearchIT.registerAsset;
import static org.techmarket.search.TranslatedSearchIT.uniqueIpc;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Searching by meaning, with vectors on: an item is indexed with its vector, and a search in {@code vectors} mode finds
 * it by meaning where its words do not match, within the same filters; {@code hybrid} fuses that with the words.
 */
@TestPropertySource(
        properties = {
            "techmarket.search.vectors.enabled=true",
            // The model loads on the first batch; here every document waits for its vector, however slow the machine.
            "techmarket.search.embedding.index-wait=PT2M",
            "techmarket.search.embedding.query-wait=PT2M"
        })
class MeaningSearchIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofMinutes(2);

    @Test
    void anItemIsFoundByMeaningWithinTheFiltersAndByWordsAndMeaningFused() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        String ipc = uniqueIpc("H01M");
        String otherIpc = uniqueIpc("H01M");
        String fuelCell = registerAsset(
                fixtures,
                university,
                "Proton exchange membrane fuel cell stack " + uniqueWord(),
                "A fuel cell stack with bipolar plates that keep the membrane humid at high current density.",
                ipc);
        String other = registerAsset(
                fixtures,
                university,
                "Sodium ion battery cathode " + uniqueWord(),
                "A layered oxide cathode for sodium ion cells.",
                otherIpc);
        String byMeaning = "q=" + encode("hydrogen powered electricity generator");

        Eventually.await(
                "the fuel cell is found by meaning",
                SOON,
                () -> ids(search(byMeaning + "&mode=vectors&ipc=" + encode(ipc)))
                        .contains(fuelCell));
        assertThat(ids(search(byMeaning + "&mode=words&ipc=" + encode(ipc))))
                .as("its words do not match")
                .isEmpty();
        // The other asset may be indexed a feed batch later than the fuel cell: wait until it is searchable too.
        Eventually.await(
                "the other asset is indexed",
                SOON,
                () -> !ids(search("q=" + encode("sodium") + "&mode=words&ipc=" + encode(otherIpc)))
                        .isEmpty());
        JsonNode otherFilter = search(byMeaning + "&mode=vectors&ipc=" + encode(otherIpc));
        assertThat(ids(otherFilter)).as("the filters hold").containsExactly(other);
        assertThat(otherFilter.get("total").asLong()).isEqualTo(1);

        String translated = "q=" + encode("燃料电池") + "&mode=hybrid&ipc=" + encode(ipc);
        // The dictionary loads in the background after start: searches are translated once it has loaded.
        Eventually.await(
                "the dictionary has loaded", SOON, () -> ids(search(translated)).contains(fuelCell));
        JsonNode fused = search(translated);
        assertThat(ids(fused)).containsExactly(fuelCell);
        assertThat(fused.path("nextCursor").isNull() || fused.path("nextCursor").isMissingNode())
                .isTrue();
        assertThat(fused.get("items").get(0).get("why").toString()).contains("translated: 燃料电池 → fuel cell");
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("/api/v1/search?" + query, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }
}
