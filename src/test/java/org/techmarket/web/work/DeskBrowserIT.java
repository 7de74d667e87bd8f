package org.techmarket.web.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.techmarket.listing.Market;
import org.techmarket.support.Api;
import org.techmarket.support.Browser;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.WebIntegrationTest;

/** The desks in a real browser: a newcomer verified by the operator; an asset registered, listed and approved. */
class DeskBrowserIT extends WebIntegrationTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void aNewcomerIsVerifiedByTheOperatorOnTheOperatorsDesk() {
        Org newcomer = fixtures.registerOrg("ENTERPRISE");
        Browser operator = browser().logIn(operator(), "staff password").get("/operator");

        String row = "tr[data-organization-id='" + newcomer.id() + "']";
        operator.awaitVisible(row);
        operator.click(row + " form[action$='/verification'] button");

        operator.awaitVisible(".work-done");
        assertThat(operator.text(".work-done")).isEqualTo("机构已核验，可以交易。");
        assertThat(operator.findAll(row)).isEmpty();
        assertThat(api.get("/api/v1/organizations/" + newcomer.id(), ADMIN_TOKEN)
                        .text("status"))
                .isEqualTo("VERIFIED");
    }

    @Test
    void aSellerRegistersAnAssetAndListsItInTheWorkspaceAndTheOperatorApprovesIt() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        String title = Fixtures.unique("Dexterous hand");
        Browser browser = browser().logIn(seller.username(), seller.password()).get("/workspace");

        browser.click("#assets details summary");
        new Select(browser.find("#asset-kind")).selectByValue("KNOW_HOW");
        browser.type("#asset-title", title);
        browser.type("#asset-abstract", "A five-fingered hand with tactile skin");
        browser.click("#assets input[name=industries][value=HUMANOID_ROBOTS]");
        browser.click("#assets form button[type=submit]");
        browser.awaitVisible(".work-done");
        assertThat(browser.text("#assets table")).contains(title);

        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.MINUTES);
        browser.click("#listings details summary");
        browser.type("#listing-title", title + " · licence");
        new Select(browser.find("#listing-mechanism")).selectByValue("ENGLISH");
        assertThat(browser.find("#listing-floor").isDisplayed())
                .as("the Dutch fields hide")
                .isFalse();
        assertThat(browser.find("#listing-increment").isDisplayed()).isTrue();
        browser.type("#listing-start", "50000.00");
        browser.type("#listing-increment", "1000.00");
        setValue(browser, "#listing-starts", LOCAL.format(now.plusHours(2)));
        setValue(browser, "#listing-ends", LOCAL.format(now.plusDays(10)));
        browser.click("#listings form[action='/workspace/listings'] button[type=submit]");
        browser.awaitVisible(".work-done");
        assertThat(browser.text("#listings table"))
                .contains(title + " · licence")
                .contains("¥50,000.00");

        browser.click("#listings form[action$='/submission'] button");
        browser.awaitVisible(".work-done");
        assertThat(browser.text(".work-done")).isEqualTo("挂牌已提交，等待交易场所审核。");

        Browser operator = browser().logIn(operator(), "staff password").get("/operator");
        String listingId = browser.find("#listings tr[data-listing-id]").getAttribute("data-listing-id");
        String row = "tr[data-listing-id='" + listingId + "']";
        assertThat(operator.text(row)).contains(title).contains("无冲突");
        operator.click(row + " form[action$='/approval'] button");
        operator.awaitVisible(".work-done");
        assertThat(operator.findAll(row)).isEmpty();

        browser.get("/workspace");
        assertThat(browser.text("#listings " + row)).contains("已公示");

        Browser regulator =
                browser().logIn(staff("REGULATOR"), "staff password").get("/regulator");
        regulator.click("#audit form button");
        regulator.awaitVisible(".work-verification");
        buysElsewhere(seller, browser);
        screenshots(Map.of("workspace", browser, "operator", operator, "regulator", regulator));
    }

    /**
     * The same organization as a buyer elsewhere: its bid leads an auction and a seller's counter to its offer waits
     * for its answer, both in its workspace with the listing's link and the answers it may give.
     */
    private void buysElsewhere(Org buyer, Browser browser) {
        Market market = new Market(api, fixtures);
        market.fund(buyer, "100000.00");
        String auction = market.publish(
                market.seller(),
                Market.assignment(),
                Market.english(
                        "1000.00", "100.00", "0.00", Market.now(), Market.now().plus(Duration.ofDays(2))));
        assertThat(market.bid(buyer, auction, "1000.00").status()).isEqualTo(201);
        Market.Seller other = market.seller();
        String negotiation = market.publish(other, Market.assignment(), Market.negotiation());
        String counter = market.counteredOffer(buyer, other, negotiation, "1500.00", "1800.00");

        browser.get("/workspace");
        String bid = "#bids tr[data-listing-id='" + auction + "']";
        assertThat(browser.text(bid)).contains("领先").contains("¥1,000.00");
        assertThat(browser.find(bid + " a").getAttribute("href")).endsWith("/listings/" + auction);
        String offer = "#offers tr[data-offer-id='" + counter + "']";
        assertThat(browser.text(offer)).contains("¥1,500.00").contains("¥1,800.00");
        assertThat(browser.findAll(offer + " form[action$='/acceptance'] button"))
                .hasSize(1);
        assertThat(browser.findAll(offer + " button"))
                .as("accept, counter, decline")
                .hasSize(3);
    }

    /** Each desk as its user sees it, in Chinese and then in English, for the README. */
    private static void screenshots(Map<String, Browser> desks) {
        desks.forEach((desk, browser) -> {
            for (String lang : new String[] {"zh", "en"}) {
                // the workspace opens at its bids and offers, the operator's and regulator's desks at their top
                browser.get("/" + desk + "?lang=" + lang + ("workspace".equals(desk) ? "#bids" : ""));
                browser.awaitVisible("main.work h1");
                browser.screenshot(Path.of("docs/screenshots/" + desk + "-" + lang + ".png"));
            }
        });
    }

    private static void setValue(Browser browser, String css, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }

    private String operator() {
        return staff("OPERATOR");
    }

    private String staff(String role) {
        String username = Fixtures.unique(role.toLowerCase());
        Api.Response added = api.post(
                "/api/v1/staff", ADMIN_TOKEN, Map.of("username", username, "password", "staff password", "role", role));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return username;
    }
}
