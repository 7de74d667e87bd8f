package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.search.SearchIT.encode;
import static org.techmarket.search.SearchIT.ids;
import static org.techmarket.search.SearchIT.uniqueWord;

import java.time.Duration;
import java.util.ArrayList;
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
 * Searching across the two languages: a buyer who writes 燃料电池 finds a patent written only in English about fuel
 * cells, and one who writes "quantum key distribution" finds an asset described only in Chinese, each with the
 * translation that matched among its reasons.
 */
class TranslatedSearchIT extends IntegrationTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final Random RANDOM = new Random();

    @Test
    void aChineseQueryFindsAnEnglishFuelCellPatent() {
        Org university = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        String ipc = uniqueIpc("H01M");
        String id = registerAsset(
                university,
                "Proton exchange membrane fuel cell stack " + word,
                "A fuel cell stack with bipolar plates that keep the membrane humid at high current density.",
                ipc);
        // The dictionary loads in the background after start: searches are translated once it has loaded.
        awaitFound("q=" + encode("燃料电池") + "&ipc=" + encode(ipc), id);

        assertThat(ids(search("q=" + encode("燃料电池") + "&ipc=" + encode(ipc)))).containsExactly(id);
        assertThat(whyOf(search("q=" + encode("燃料电池") + "&ipc=" + encode(ipc)), id))
                .anySatisfy(why -> assertThat(why).startsWith("translated: 燃料电池 → fuel cell"));
        assertThat(ids(search("q=" + encode("量子密钥分发") + "&ipc=" + encode(ipc))))
                .as("a translation that the item does not contain finds nothing")
                .isEmpty();
    }

    @Test
    void anEnglishQueryFindsAChineseQuantumKeyDistributionAsset() {
        Org institute = fixtures.verifiedOrg("UNIVERSITY");
        String word = uniqueWord();
        String ipc = uniqueIpc("H04L");
        String id = registerAsset(institute, "小型化量子密钥分发终端 " + word, "本发明公开了一种量子密钥分发终端，用于城域光纤网络中的密钥分发。", ipc);
        awaitFound("q=" + encode("quantum key distribution") + "&ipc=" + encode(ipc), id);

        JsonNode found = search("q=" + encode("quantum key distribution") + "&ipc=" + encode(ipc));
        assertThat(ids(found)).containsExactly(id);
        assertThat(whyOf(found, id))
                .anySatisfy(why -> assertThat(why).startsWith("translated: quantum key distribution → 量子密钥分发"));
    }

    /** An IPC group no other test writes, by which a search is kept to this test's items. */
    static String uniqueIpc(String subclass) {
        return subclass + " " + (1000 + RANDOM.nextInt(9000)) + "/" + (10 + RANDOM.nextInt(90));
    }

    private String registerAsset(Org owner, String title, String abstractText, String ipc) {
        return registerAsset(fixtures, owner, title, abstractText, ipc);
    }

    /** A patent asset of the owner's with only these words, in one language, and one IPC group. */
    static String registerAsset(Fixtures fixtures, Org owner, String title, String abstractText, String ipc) {
        Map<String, Object> asset = Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber());
        asset.put("title", title);
        asset.put("abstract", abstractText);
        asset.put("ipc", List.of(ipc));
        asset.put("language", title.codePoints().anyMatch(c -> c > 0x2E80) ? "zh" : "en");
        Api.Response registered = fixtures.registerAsset(owner, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.text("id");
    }

    private void awaitFound(String query, String id) {
        Eventually.await(
                id + " is found by " + query, SOON, () -> ids(search(query)).contains(id));
    }

    private JsonNode search(String query) {
        Api.Response response = api.get("/api/v1/search?" + query, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> whyOf(JsonNode result, String id) {
        List<String> why = new ArrayList<>();
        for (JsonNode item : result.get("items")) {
            if (item.get("id").asString().equals(id)) {
                item.get("why").forEach(w -> why.add(w.asString()));
            }
        }
        return why;
    }
}
