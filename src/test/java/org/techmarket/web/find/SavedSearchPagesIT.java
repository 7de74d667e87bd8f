package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.demand.DemandMarket;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * Saved searches on {@code /search} over HTTP: a member saves the search on the page (its words and filters, told in
 * the inbox), finds it listed with its link and its new matches, and deletes it; refusals in the page's language change
 * nothing. And the search, the asset page and their provinces in both of the market's languages.
 */
class SavedSearchPagesIT extends WebIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aMemberSavesTheSearchSeesItsNewMatchesAndDeletesIt() {
        Fixtures.Org member = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String word = FindSteps.word("kept");
        PageClient visitor = signedIn(member);
        String search = "/search?q=" + word + "&industry=HUMANOID_ROBOTS";

        PageClient.Page page = visitor.get(search + "&lang=en");
        assertThat(page.html())
                .contains("You have no saved search yet.")
                .contains("name=\"industry\" value=\"HUMANOID_ROBOTS\"");
        PageClient.Page saved =
                visitor.post("/search/saved", fields("Grippers " + word, word, "HUMANOID_ROBOTS"), page);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith(search);

        PageClient.Page listed = visitor.get(search);
        assertThat(listed.html())
                .contains("The search is saved")
                .contains(">Grippers " + word + "<")
                .contains("href=\"" + search.replace("&", "&amp;") + "\"")
                .doesNotContain("find-new");
        Api.Response mine = api.get("/api/v1/saved-searches", member.token());
        assertThat(mine.json().path("items").size()).isEqualTo(1);
        assertThat(mine.json().path("items").get(0).path("channel").asString()).isEqualTo("IN_APP");
        assertThat(mine.json()
                        .path("items")
                        .get(0)
                        .path("query")
                        .path("industry")
                        .asString())
                .isEqualTo("HUMANOID_ROBOTS");
        String id = mine.json().path("items").get(0).path("id").asString();

        FindSteps.registered(fixtures, owner, "Brain interface " + word, "BRAIN_LIKE_INTELLIGENCE");
        FindSteps.registered(fixtures, owner, "Humanoid gripper " + word, "HUMANOID_ROBOTS");
        Eventually.await(
                "the saved search tells of its new match",
                Duration.ofSeconds(20),
                () -> visitor.get(search).html().contains("1 new"));
        PageClient.Counted counted = visitor.counted(search);
        assertThat(counted.page().html()).contains("1 new");
        assertThat(counted.statements())
                .as("the session's check, then the searcher's organization, saved searches, their matches and the"
                        + " unread notices of them in one round trip (ADR 0117)")
                .isEqualTo(2);
        assertThat(api.post("/api/v1/notifications/read", member.token(), Map.of())
                        .status())
                .isLessThan(300);
        assertThat(visitor.get(search).html()).doesNotContain("1 new");

        PageClient.Page deleted = visitor.post("/search/saved/" + id + "/delete", Map.of(), visitor.get(search));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(follow(visitor, deleted).html())
                .contains("The saved search is deleted.")
                .doesNotContain(">Grippers " + word + "<");
        assertThat(api.get("/api/v1/saved-searches", member.token())
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void aVerifiedMembersSearchFindsWhatIsShownToVerifiedOrganizationsAloneAndAPendingOnesDoesNot() {
        Fixtures.Org poster = fixtures.verifiedOrg("ENTERPRISE");
        String word = FindSteps.word("closed");
        Map<String, Object> need = DemandMarket.need("Closed need " + word, "VERIFIED_ONLY");
        Api.Response posted = api.post("/api/v1/needs", poster.token(), need);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        String id = posted.text("id");
        assertThat(api.post("/api/v1/needs/" + id + "/publication", poster.token(), Map.of())
                        .status())
                .isEqualTo(200);
        PageClient verified = signedIn(fixtures.verifiedOrg("UNIVERSITY"));
        String search = "/search?q=" + word;

        Eventually.await(
                "the need is in the index",
                Duration.ofSeconds(20),
                () -> verified.get(search).html().contains("Closed need " + word));
        assertThat(signedIn(fixtures.registerOrg("UNIVERSITY")).get(search).html())
                .as("a pending organization's member is the public")
                .doesNotContain("Closed need " + word);
        assertThat(visitor().get(search).html()).doesNotContain("Closed need " + word);
    }

    @Test
    void aRefusedSaveIsSaidInThePagesLanguageAndChangesNothing() {
        Fixtures.Org member = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org other = fixtures.verifiedOrg("ENTERPRISE");
        PageClient visitor = signedIn(member);
        PageClient.Page page = visitor.get("/search?lang=zh");

        PageClient.Page tooLong = visitor.post("/search/saved", fields("名".repeat(201), "电池", null), page);
        assertThat(tooLong.status()).isEqualTo(302);
        assertThat(follow(visitor, tooLong).html()).contains("搜索未能保存：").contains("名称最多 200 个字符。");
        PageClient.Page unknown =
                visitor.post("/search/saved", fields("未知产业", "电池", "NOT_AN_INDUSTRY"), visitor.get("/search"));
        assertThat(follow(visitor, unknown).html()).contains("筛选条件中有市场不认识的值。");
        assertThat(api.get("/api/v1/saved-searches", member.token())
                        .json()
                        .path("items")
                        .size())
                .isZero();

        Api.Response theirs = api.post(
                "/api/v1/saved-searches", other.token(), Map.of("name", "theirs", "q", "电池", "channel", "IN_APP"));
        assertThat(theirs.status()).as(theirs.text()).isEqualTo(201);
        PageClient.Page notMine =
                visitor.post("/search/saved/" + theirs.text("id") + "/delete", Map.of(), visitor.get("/search"));
        assertThat(follow(visitor, notMine).html()).contains("没有这条属于您的保存的搜索。");
        assertThat(api.get("/api/v1/saved-searches", other.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        PageClient stranger = visitor();
        PageClient.Page anonymous = stranger.get("/search?lang=en");
        assertThat(anonymous.html()).contains("Log in to save this search").doesNotContain("find-save");
        // a stranger's page carries no token; one taken from the log-in page is a valid one
        PageClient.Page refused = stranger.post("/search/saved", fields("x", "电池", null), stranger.get("/login"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).contains("/login");
    }

    @Test
    void reasonsAndProvincesAreInThePagesLanguage() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String word = FindSteps.word("bilingual");
        String asset = FindSteps.registered(fixtures, owner, "Gripper " + word, "HUMANOID_ROBOTS");
        Eventually.await(
                "the asset is searchable",
                Duration.ofSeconds(20),
                () -> visitor().get("/search?q=" + word).html().contains("/assets/" + asset));

        PageClient.Page en = visitor().get("/search?lang=en&q=" + word);
        assertThat(en.html())
                .contains("Title matches " + word)
                .contains(">Guangdong</a>")
                .doesNotContain("title matches")
                .doesNotContain(">广东省<");
        PageClient.Page zh = visitor().get("/search?lang=zh&q=" + word);
        assertThat(zh.html())
                .contains("标题含有“" + word + "”")
                .contains(">广东省</a>")
                .doesNotContain("title matches")
                .doesNotContain(">Guangdong<");
        assertThat(api.get("/api/v1/search?q=" + word, null).text())
                .as("the API keeps its own words")
                .contains("title matches " + word)
                .doesNotContain("reasons");

        FindSteps.exclusiveLicence(api, owner, asset, licensee, List.of("440000", "CN"), TODAY, TODAY.plusYears(3));
        PageClient ownerPages = signedIn(owner);
        assertThat(ownerPages.get("/assets/" + asset + "?lang=en").html())
                .contains("Guangdong, China · *")
                .contains("<option value=\"650000\">Xinjiang</option>")
                .doesNotContain("440000, CN");
        assertThat(ownerPages.get("/assets/" + asset + "?lang=zh").html())
                .contains("广东省, 中国 · *")
                .contains("<option value=\"650000\">新疆维吾尔自治区</option>");
    }

    /** The page a redirect leads to, asked for by the same visitor. */
    private static PageClient.Page follow(PageClient visitor, PageClient.Page redirect) {
        URI to = URI.create(redirect.header("Location"));
        return visitor.get(to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()));
    }

    private static Map<String, String> fields(String name, String q, String industry) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("q", q);
        if (industry != null) {
            fields.put("industry", industry);
        }
        return fields;
    }
}
