package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.WebIntegrationTest;

/**
 * The discovery pages over HTTP, as a browser without JavaScript gets them: the front page, the search, an asset, needs
 * and challenges; their words in the page's language, money and times formatted, every text escaped, and a page (not
 * a stack trace or JSON) for what does not exist or cannot be searched.
 */
class DiscoveryPagesIT extends WebIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theFrontPageShowsWhoSellsAtWhatPriceAndLinksToPages() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        String patent = registered(seller, "量子密钥分发终端的同步方法 " + Fixtures.unique("front"));
        String title = "量子密钥分发同步方法转让 " + Fixtures.unique("sale");
        String listing = fixtures.publishListing(seller, englishAuction(patent, title, "50000.00"));

        PageClient.Page front = page("/?lang=en");

        assertThat(front.status()).isEqualTo(200);
        assertThat(front.header("Content-Type")).startsWith("text/html");
        assertThat(front.html())
                .contains(title)
                .contains("href=\"/listings/" + listing + "\"")
                .contains(organizationName(seller))
                .contains("¥50,000.00")
                .contains("Assignment")
                .contains("data-ends-at=")
                .contains("href=\"/assets/" + patent + "\"")
                .contains("/swagger-ui.html")
                .doesNotContain("curl ")
                .doesNotContain("/api/v1/listings/" + listing)
                .doesNotContain(">ENGLISH<");
    }

    @Test
    void aListingIsOnTheFrontPageOnlyWhileItIsOpen() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        String waiting = "待审核的转让 " + Fixtures.unique("submitted");
        Api.Response draft = api.post(
                "/api/v1/listings",
                seller.token(),
                englishAuction(registered(seller, "一种待审核的方法 " + Fixtures.unique("a")), waiting, "100.00"));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/listings/" + draft.text("id") + "/submission", seller.token(), Map.of())
                        .status())
                .isEqualTo(200);
        String open = "公开的转让 " + Fixtures.unique("open");
        String listing = fixtures.publishListing(
                seller, englishAuction(registered(seller, "一种公开的方法 " + Fixtures.unique("b")), open, "200.00"));

        assertThat(page("/?lang=en").html()).contains(open, "¥200.00").doesNotContain(waiting);

        assertThat(api.post("/api/v1/listings/" + listing + "/withdrawal", seller.token(), Map.of())
                        .text("status"))
                .isEqualTo("WITHDRAWN");
        assertThat(page("/?lang=en").html()).doesNotContain(open).doesNotContain(waiting);
    }

    @Test
    void anAssetsPageShowsItsOwnersStandingAndIndustriesAsWords() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String title = "Sparse sensor training " + Fixtures.unique("asset");
        String asset = registered(owner, title);

        PageClient.Page en = page("/assets/" + asset + "?lang=en");
        PageClient.Page zh = page("/assets/" + asset + "?lang=zh");

        assertThat(en.status()).isEqualTo(200);
        assertThat(en.html())
                .contains(title)
                .contains(organizationName(owner))
                .contains("A training method that tolerates missing sensor readings")
                .contains("G06N 3/08")
                .contains("2039-03-01")
                .contains("Invention patent")
                .contains("Rights at a glance")
                .doesNotContain("INVENTION_PATENT")
                .doesNotContain("ARTIFICIAL_INTELLIGENCE<");
        assertThat(zh.html()).contains("发明专利").contains("权利一览").contains("摘要");
    }

    @Test
    void aTitleHoldingAScriptShowsAsTextOnEveryPage() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String word = word("xss");
        String title = "<script>alert('" + word + "')</script> " + word;
        String asset = registered(owner, title);

        PageClient.Page assetPage = page("/assets/" + asset);
        assertThat(assetPage.html()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
        assertThat(page("/").html()).doesNotContain("<script>alert");
        Eventually.await(
                "the asset is searchable",
                Duration.ofSeconds(20),
                () -> page("/search?q=" + word).html().contains("/assets/" + asset));
        PageClient.Page search = page("/search?q=" + word);
        assertThat(search.html())
                .doesNotContain("<script>alert")
                .contains("<mark>")
                .contains("\">&lt;script&gt;alert(&#39;" + word + "&#39;)&lt;/script&gt; " + word + "</a>");
    }

    @Test
    void aMissingAssetNeedOrChallengeIsAPageNotATrace() {
        for (String path : List.of("/assets/no-such-asset", "/needs/no-such-need", "/challenges/no-such-challenge")) {
            PageClient.Page missing = page(path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(missing.html()).as(path).doesNotContain("Exception").doesNotContain("\"code\"");
        }
    }

    @Test
    void theScopePickerAnswersFromTheRightsRegistry() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String asset = registered(owner, "Picker " + Fixtures.unique("scope"));
        String exclusive = "/assets/" + asset + "?lang=en&kind=EXCLUSIVE_LICENCE&territory=440000&field=&start=" + TODAY
                + "&end=" + TODAY.plusYears(2);

        assertThat(page(exclusive).html()).contains("Allowed: no grant stands in the way.");

        FindSteps.exclusiveLicence(api, owner, asset, licensee, List.of("CN"), TODAY, TODAY.plusYears(3));

        PageClient.Page refused = page(exclusive);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("Not allowed:").contains("overlaps a licence in force");

        PageClient.Page badDate = page("/assets/" + asset + "?lang=en&kind=SOLE_LICENCE&start=tomorrow");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.html()).contains("start is a date such as");
        PageClient.Page badKind = page("/assets/" + asset + "?lang=en&kind=FREEHOLD");
        assertThat(badKind.status()).isEqualTo(400);
    }

    @Test
    void theSearchPageFiltersByFacetsAndRefusesBadInputWithAPage() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String word = word("facet");
        String robot = registered(owner, "Humanoid gripper " + word, "HUMANOID_ROBOTS");
        String brain = registered(owner, "Brain interface " + word, "BRAIN_LIKE_INTELLIGENCE");
        Eventually.await(
                "both assets are searchable",
                Duration.ofSeconds(20),
                () -> page("/search?q=" + word).html().contains(brain)
                        && page("/search?q=" + word).html().contains(robot));

        PageClient.Page all = page("/search?lang=en&q=" + word);
        assertThat(all.html())
                .contains("name=\"industry\" value=\"HUMANOID_ROBOTS\"")
                .contains("Title matches " + word)
                .contains("2 found");
        PageClient.Page robots = page("/search?lang=en&q=" + word + "&industry=HUMANOID_ROBOTS");
        assertThat(robots.html())
                .contains("/assets/" + robot)
                .doesNotContain("/assets/" + brain)
                .contains("1 found")
                .contains("name=\"industry\" value=\"HUMANOID_ROBOTS\" checked=\"checked\"")
                .contains("<ul class=\"find-why\" aria-label=\"Why it matches\">");
        assertThat(all.html()).doesNotContain("checked=\"checked\"");

        PageClient.Page unbalanced = page("/search?lang=en&q=%22" + word);
        assertThat(unbalanced.status()).isEqualTo(400);
        assertThat(unbalanced.header("Content-Type")).startsWith("text/html");
        assertThat(unbalanced.html())
                .contains("The search cannot be run")
                .contains("A quotation mark in the words is not closed.");
        assertThat(page("/search?lang=zh&q=%22" + word).html())
                .as("the refusal in the page's language")
                .contains("无法执行此搜索")
                .contains("关键词中的引号没有闭合。");
        assertThat(page("/search?industry=NOT_AN_INDUSTRY").status()).isEqualTo(400);
        assertThat(page("/search?mode=telepathy").status()).isEqualTo(400);
    }

    @Test
    void needsAndChallengesAreBrowsedWithTheirBudgetsAndRewards() {
        Fixtures.Org poster = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(poster, "2000000.00");
        String needTitle = "Solid electrolyte wanted " + Fixtures.unique("need");
        String need = published("/api/v1/needs", poster, need(needTitle));
        String challengeTitle = "Solid-state cell challenge " + Fixtures.unique("challenge");
        String challenge = published("/api/v1/challenges", poster, challenge(challengeTitle, poster.adminId()));

        assertThat(page("/needs?lang=en").html()).contains(needTitle).contains("href=\"/needs/" + need + "\"");
        assertThat(page("/challenges?lang=en").html())
                .contains(challengeTitle)
                .contains("¥1,000,000.00")
                .doesNotContain(needTitle);
        PageClient.Page needPage = page("/needs/" + need + "?lang=en");
        assertThat(needPage.html())
                .contains(needTitle)
                .contains(organizationName(poster))
                .contains("¥100,000.00 – ¥1,000,000.00")
                .contains("Published");
        PageClient.Counted challengePage = visitor().counted("/challenges/" + challenge + "?lang=zh");
        assertThat(challengePage.page().html())
                .contains(challengeTitle)
                .contains("奖金")
                .contains("登录后提交方案");
        assertThat(challengePage.sql().stream().filter(sql -> sql.contains("challenge_milestone")))
                .as("the challenge and its terms read once for the page and its proposals")
                .hasSize(1);
        assertThat(challengePage.statements())
                .as("the challenge with its terms in one round trip, then its poster's name: %s", challengePage.sql())
                .isEqualTo(2);
        assertThat(challengePage.commits())
                .as("no transaction to commit (ADR 0118)")
                .isZero();
        Fixtures.Org reader = fixtures.verifiedOrg("UNIVERSITY");
        PageClient.Counted signedIn = signedIn(reader).counted("/challenges/" + challenge + "?lang=en");
        assertThat(signedIn.page().html()).contains(challengeTitle).contains("find-proposal-form");
        assertThat(signedIn.statements())
                .as(
                        "the session's check; the reader's organization, the challenge and its terms; the reader's"
                                + " proposals; the names: %s",
                        signedIn.sql())
                .isEqualTo(4);
        assertThat(signedIn.commits()).isZero();
    }

    @Test
    void aSignedInBuyerTakesTheOpenLicenceOnThePageOnceAndOnlyOnce() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org taker = fixtures.verifiedOrg("ENTERPRISE");
        String asset = registered(owner, "Open gripper " + Fixtures.unique("open"));
        Api.Response declared = api.put(
                "/api/v1/assets/" + asset + "/open-licence",
                owner.token(),
                Map.of("royalty", Map.of("type", "LUMP_SUM", "amount", yuan("500.00")), "termMonths", 12),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        String path = "/assets/" + asset;

        PageClient stranger = visitor();
        PageClient.Page shown = stranger.get(path + "?lang=en");
        assertThat(shown.html()).contains("Take this open licence").contains("A single payment of ¥500.00.");
        PageClient.Page anonymous = stranger.post(path + "/open-licence", Map.of(), shown);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).contains("/login");

        PageClient buyer = signedIn(taker);
        PageClient.Page page = buyer.get(path + "?lang=en");
        assertThat(buyer.post(path + "/open-licence", Map.of(), null).status())
                .as("a form without its CSRF token")
                .isEqualTo(403);
        PageClient.Page taken = buyer.post(path + "/open-licence", Map.of(), page);
        assertThat(taken.status()).isEqualTo(302);
        assertThat(taken.header("Location")).contains(path + "?taken=");
        assertThat(api.get("/api/v1/assets/" + asset + "/grants", taker.token()).text())
                .contains("OPEN_LICENCE")
                .contains(taker.id());

        PageClient.Page again = buyer.post(path + "/open-licence", Map.of(), buyer.get(path + "?lang=en"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html()).contains("The open licence was not taken");
        assertThat(api.get("/api/v1/assets/" + asset + "/grants", taker.token())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aVerifiedOrganizationProposesAndThePosterSelectsItOnThePage() {
        Fixtures.Org poster = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(poster, "2000000.00");
        Fixtures.Org developer = fixtures.verifiedOrg("UNIVERSITY");
        String challenge = published(
                "/api/v1/challenges", poster, challenge("Cell challenge " + Fixtures.unique("c"), poster.adminId()));
        String path = "/challenges/" + challenge;

        PageClient proposer = signedIn(developer);
        PageClient.Counted counted = proposer.counted(path + "?lang=en");
        assertThat(counted.sql().stream().filter(sql -> sql.contains("challenge_milestone")))
                .as("the challenge and its terms read once for the page and the proposals a proposer sees")
                .hasSize(1);
        PageClient.Page form = counted.page();
        assertThat(form.html()).contains("Send the proposal");
        Map<String, String> proposal = new LinkedHashMap<>();
        proposal.put("summary", "Argyrodite electrolyte <b>12 mS/cm</b>");
        proposal.put("plan", "Six months to a pilot line");
        proposal.put("team", "Prof. Wang, Dr. Chen");
        proposal.put("price", "not money");
        PageClient.Page refused = proposer.post(path + "/proposals", proposal, form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).contains("That was not done").contains("Six months to a pilot line");
        assertThat(api.get("/api/v1/challenges/" + challenge + "/proposals", poster.token())
                        .json()
                        .size())
                .isZero();

        proposal.put("price", "800000.00");
        PageClient.Page sent = proposer.post(path + "/proposals", proposal, form);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).endsWith(path + "?proposed");

        PageClient owner = signedIn(poster);
        PageClient.Page judged = owner.get(path + "?lang=en");
        assertThat(judged.html())
                .contains("Argyrodite electrolyte &lt;b&gt;12 mS/cm&lt;/b&gt;")
                .contains("¥800,000.00")
                .contains("Select as winner")
                .contains("Technology that matches");
        String proposalId = api.get("/api/v1/challenges/" + challenge + "/proposals", poster.token())
                .json()
                .get(0)
                .path("id")
                .asString();
        PageClient.Page selected = owner.post(path + "/selection", Map.of("proposalId", proposalId), judged);
        assertThat(selected.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/challenges/" + challenge, poster.token()).text("status"))
                .isEqualTo("FULFILLED");
        PageClient.Page twice = owner.post(path + "/selection", Map.of("proposalId", proposalId), judged);
        assertThat(twice.status()).isEqualTo(409);
    }

    // --- steps

    private PageClient.Page page(String path) {
        return visitor().get(path);
    }

    private static String word(String prefix) {
        return FindSteps.word(prefix);
    }

    private String registered(Fixtures.Org owner, String title, String... industries) {
        return FindSteps.registered(fixtures, owner, title, industries);
    }

    private String organizationName(Fixtures.Org org) {
        return api.get("/api/v1/organizations/" + org.id(), org.token()).text("name");
    }

    static Map<String, Object> englishAuction(String assetId, String title, String startYuan) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return Map.of(
                "assetIds",
                List.of(assetId),
                "offer",
                Map.of("type", "ASSIGNMENT"),
                "mechanism",
                Map.of(
                        "type",
                        "ENGLISH",
                        "startPrice",
                        yuan(startYuan),
                        "increment",
                        yuan("1000.00"),
                        "deposit",
                        yuan("0.00"),
                        "startsAt",
                        now.toString(),
                        "endsAt",
                        now.plus(Duration.ofHours(1)).toString()),
                "title",
                title,
                "description",
                "—");
    }

    static Map<String, Object> need(String title) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("title", title);
        need.put("description", "A sulfide solid-state electrolyte for lithium batteries, 固态电解质.");
        need.put("industries", List.of("NEW_ENERGY_STORAGE"));
        need.put("ipc", List.of("H01M 10/0562"));
        need.put("region", "440300");
        need.put("budget", Map.of("min", yuan("100000"), "max", yuan("1000000")));
        need.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        need.put("visibility", "PUBLIC");
        return need;
    }

    static Map<String, Object> challenge(String title, String panelist) {
        Map<String, Object> challenge = need(title);
        challenge.put("reward", yuan("1000000"));
        challenge.put(
                "milestones",
                List.of(Map.of(
                        "title",
                        "Prototype cell",
                        "deliverable",
                        "A 10 Ah pouch cell",
                        "amount",
                        yuan("1000000"),
                        "dueDate",
                        TODAY.plusDays(60).toString())));
        challenge.put("eligibility", "Verified organizations");
        challenge.put("criteria", List.of(Map.of("name", "technology", "weight", 100)));
        challenge.put("panel", List.of(panelist));
        return challenge;
    }

    private String published(String path, Fixtures.Org poster, Map<String, Object> body) {
        Api.Response posted = api.post(path, poster.token(), body);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        String id = posted.text("id");
        Api.Response published = api.post(path + "/" + id + "/publication", poster.token(), Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        return id;
    }

    static Map<String, String> yuan(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }
}
