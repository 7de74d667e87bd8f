package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.techmarket.support.Api;
import org.techmarket.support.Browser;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.WebIntegrationTest;

/**
 * Finding technology in a real browser: the search answers as the reader types and keeps the address bar on the search,
 * a facet narrows it in place; the asset's scope picker answers live from the rights registry; a signed-in member takes
 * an open licence and sees it in the asset's timeline; and saves a search, which the page then lists.
 */
class DiscoveryBrowserIT extends WebIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theSearchAnswersAsTheReaderTypesAndAFacetNarrowsItInPlace() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String word = FindSteps.word("typed");
        String robot = FindSteps.registered(fixtures, owner, "Humanoid gripper " + word, "HUMANOID_ROBOTS");
        String brain = FindSteps.registered(fixtures, owner, "Brain interface " + word, "BRAIN_LIKE_INTELLIGENCE");
        awaitSearchable(word, 2);

        Browser browser = browser("en").get("/search?lang=en");
        markWindow(browser);
        browser.type("#q", word);

        browser.await(d -> browser.text(".find-total").equals("2 found"));
        assertThat(browser.text(".find-hits")).contains("Humanoid gripper").contains("Brain interface");
        assertThat(browser.text(".find-why")).contains("Title matches " + word);
        browser.await(d -> browser.currentPath().contains("q=" + word));
        assertThat(windowKept(browser))
                .as("the results came without a page load")
                .isTrue();

        browser.click("input[name=industry][value=HUMANOID_ROBOTS]");
        browser.await(d -> browser.text(".find-total").equals("1 found"));
        assertThat(browser.findAll(".find-hits a[href='/assets/" + robot + "']"))
                .hasSize(1);
        assertThat(browser.findAll(".find-hits a[href='/assets/" + brain + "']"))
                .isEmpty();
        browser.await(d -> browser.currentPath().contains("industry=HUMANOID_ROBOTS"));
        assertThat(browser.currentPath()).contains("q=" + word);
        assertThat(windowKept(browser)).isTrue();

        // the address is the search: opened afresh it shows the same narrowed results
        Browser shared = browser("en").get(browser.currentPath());
        assertThat(shared.text(".find-total")).isEqualTo("1 found");

        // a phrase not yet closed is refused: the reason shows in place and the address still follows the words
        browser.type("#q", "\"" + word);
        browser.await(d -> browser.findAll(".find-refused").size() == 1);
        assertThat(browser.text(".find-refused")).contains("The search cannot be run");
        browser.await(d -> browser.currentPath().contains("q=%22" + word));
        assertThat(windowKept(browser)).isTrue();
    }

    @Test
    void theScopePickerAnswersLiveWhetherAnExclusiveLicenceIsStillGrantable() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        String asset = FindSteps.registered(fixtures, owner, "Picker " + Fixtures.unique("live"));
        FindSteps.exclusiveLicence(api, owner, asset, licensee, List.of("CN"), TODAY, TODAY.plusYears(3));

        Browser browser = browser("en").get("/assets/" + asset + "?lang=en");
        markWindow(browser);
        setDate(browser, "#start", TODAY.plusMonths(6), false);
        setDate(browser, "#end", TODAY.plusYears(2), false);
        new Select(browser.find("#territory")).selectByValue("440000");
        new Select(browser.find("#kind")).selectByValue("EXCLUSIVE_LICENCE");

        browser.await(d -> browser.text("#verdict").contains("Not allowed"));
        assertThat(browser.text("#verdict")).contains("overlaps a licence in force");

        setDate(browser, "#end", TODAY.plusYears(5), false);
        setDate(browser, "#start", TODAY.plusYears(4), true);
        browser.await(d -> browser.text("#verdict").contains("Allowed: no grant stands in the way."));
        assertThat(windowKept(browser))
                .as("the picker answered without a page load")
                .isTrue();
        assertThat(browser.find("#territory option[value='440000']").getText()).isEqualTo("Guangdong");
    }

    @Test
    void aSignedInMemberTakesTheOpenLicenceAndSeesItInTheTimeline() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org taker = fixtures.verifiedOrg("ENTERPRISE");
        String asset = FindSteps.registered(fixtures, owner, "Open gripper " + Fixtures.unique("taken"));
        Api.Response declared = api.put(
                "/api/v1/assets/" + asset + "/open-licence",
                owner.token(),
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "500.00", "currency", "CNY")),
                        "termMonths",
                        12),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);
        String takerName =
                api.get("/api/v1/organizations/" + taker.id(), taker.token()).text("name");

        Browser browser =
                browser("en").logIn(taker.username(), taker.password()).get("/assets/" + asset + "?lang=en");
        assertThat(browser.text("section[aria-labelledby=rights-heading]")).doesNotContain(takerName);
        browser.click("section[aria-labelledby=open-heading] button[type=submit]");

        browser.awaitVisible(".find-done");
        assertThat(browser.text(".find-done")).isEqualTo("Your organization now holds the open licence.");
        String timeline = browser.text(".find-timeline");
        assertThat(timeline).contains("Open licence").contains(takerName);
        assertThat(api.get("/api/v1/assets/" + asset + "/grants", taker.token()).text())
                .contains("OPEN_LICENCE")
                .contains(taker.id());
    }

    @Test
    void aSignedInMemberSavesTheSearchOnThePageAndFindsItListed() {
        Fixtures.Org member = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        String word = FindSteps.word("saved");
        FindSteps.registered(fixtures, owner, "固态电解质 " + word, "NEW_ENERGY_STORAGE");
        awaitSearchable(word, 1);

        Browser browser =
                browser("en").logIn(member.username(), member.password()).get("/search?lang=en");
        browser.type("#q", word);
        browser.await(d -> browser.text(".find-total").equals("1 found"));
        browser.await(d -> word.equals(browser.find("#saved-name").getAttribute("value")));
        browser.type("#saved-name", "Electrolytes " + word);
        browser.click("form.find-save button[type=submit]");

        browser.awaitVisible("#saved-searches .find-done");
        assertThat(browser.text(".find-saved-list")).contains("Electrolytes " + word);
        assertThat(browser.find(".find-saved-link").getAttribute("href")).endsWith("/search?q=" + word);
        assertThat(api.get("/api/v1/saved-searches", member.token()).text()).contains("Electrolytes " + word);
        assertThat(browser.findAll(".find-new")).isEmpty();

        // a new item matches: the saved search shows it as new
        FindSteps.registered(fixtures, owner, "硫化物固态电解质薄膜 " + word, "NEW_ENERGY_STORAGE");
        browser.await(d -> {
            browser.get("/search?q=" + word);
            return browser.findAll(".find-new").size() == 1;
        });
        assertThat(browser.text(".find-new")).isEqualTo("1 new");
        screenshotsFor(browser, word);
    }

    // --- steps

    /** Refreshes the search page's screenshots in both languages when asked to ({@code -Dscreenshots=docs/screenshots}). */
    private static void screenshotsFor(Browser browser, String word) {
        String folder = System.getProperty("screenshots");
        if (folder == null) {
            return;
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1500));
        for (String language : List.of("zh", "en")) {
            browser.get("/search?lang=" + language + "&q=" + word);
            browser.awaitVisible(".find-saved-list");
            browser.screenshot(Path.of(folder, "search-" + language + ".png"));
        }
    }

    private void awaitSearchable(String word, int items) {
        Eventually.await(
                "the assets are searchable",
                Duration.ofSeconds(20),
                () -> api.get("/api/v1/search?q=" + word, null)
                                .json()
                                .path("total")
                                .asInt()
                        == items);
    }

    private static void markWindow(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
    }

    private static boolean windowKept(Browser browser) {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true;"));
    }

    /** Sets a date field as its picker would, telling the page when {@code announce}. */
    private static void setDate(Browser browser, String css, LocalDate date, boolean announce) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " if (arguments[2]) arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        browser.find(css),
                        date.toString(),
                        announce);
    }
}
