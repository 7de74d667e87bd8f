package org.techmarket.web.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.web.listing.SalePages.page;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.techmarket.listing.Market;
import org.techmarket.support.Browser;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.WebIntegrationTest;

/**
 * The sale page in a real headless Chromium: two buyers in two browsers bid in a live English auction and each sees
 * the other's bid appear without a reload, a bid in the soft-close window moves the countdown, and a sealed bid and
 * a purchase go through the page. Each page is also drawn to {@code target/screenshots/} in both languages.
 */
class SaleBrowserIT extends WebIntegrationTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private Market market;
    private SalePages listings;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
        listings = new SalePages(market, api);
    }

    @Test
    void twoBuyersSeeEachOthersBidsLiveAndASoftCloseBidMovesTheCountdown() {
        String id = listings.softClosing(market.seller());
        Org first = market.bidder("500.00");
        Org second = market.bidder("500.00");
        Browser one =
                browser("zh-CN,zh").logIn(first.username(), first.password()).get(page(id));
        Browser two = browser("en").logIn(second.username(), second.password()).get(page(id));
        awaitLive(one);
        awaitLive(two);
        markUnreloaded(two);
        Instant endBefore = endOf(two);

        one.type("#bid-amount", "1000.00").click(".bid-form button[type=submit]");
        one.awaitVisible(".notice.done");
        two.await(d -> two.text("#live-panel").contains("Bidder 1"));
        assertThat(two.text("#live-panel")).contains("¥1,000.00").contains("¥1,100.00");
        assertThat(isUnreloaded(two)).isTrue();
        Instant endAfter = two.await(d -> endOf(two).isAfter(endBefore) ? endOf(two) : null);
        assertThat(endAfter).isAfter(endBefore);

        markUnreloaded(one);
        two.type("#bid-amount", "1100.00").click(".bid-form button[type=submit]");
        one.await(d -> one.text("#live-panel").contains("竞买人 2"));
        assertThat(one.text("#live-panel")).contains("¥1,100.00").contains("您");
        assertThat(isUnreloaded(one)).isTrue();
        one.screenshot(SHOTS.resolve("listing-english-zh.png"));
        two.screenshot(SHOTS.resolve("listing-english-en.png"));
    }

    @Test
    void aSealedBidAndABuyNowGoThroughThePage() {
        String sealed = listings.sealed(market.seller());
        String posted = listings.fixedPrice(market.seller());
        Org buyer = market.bidder("100.00");
        Browser browser = browser("en").logIn(buyer.username(), buyer.password());

        browser.get(page(sealed)).type("#sealed-amount", "1500.00").click(".sealed-form button[type=submit]");
        browser.awaitVisible(".notice.done");
        String history = browser.await(d -> {
            String shown = browser.text(".history");
            return shown.contains("¥1,500.00") ? shown : null;
        });
        assertThat(history).contains("you");
        browser.screenshot(SHOTS.resolve("listing-sealed-en.png"));

        browser.get(page(posted)).click(".buy-form button[type=submit]");
        browser.awaitVisible(".award-price");
        assertThat(browser.text(".notice.done")).contains("You bought it");
        assertThat(market.get(posted, buyer.token()).json().path("status").asString())
                .isEqualTo("AWARDED");
    }

    @Test
    void theDutchSealedAndNegotiatedPagesAreDrawnInBothLanguages() {
        // a clock that steps once an hour, so that the first price is still the price when the page is drawn
        String dutch = listings.dutch(market.seller(), 3600);
        String sealed = listings.sealed(market.seller());
        String negotiated = listings.negotiated(market.seller());
        Org buyer = market.bidder("100.00");
        assertThat(api.post("/api/v1/listings/" + negotiated + "/offers", buyer.token(), Market.lumpSumOffer("1800.00"))
                        .status())
                .isEqualTo(201);
        for (String language : new String[] {"zh", "en"}) {
            Browser browser = browser(language).logIn(buyer.username(), buyer.password());
            browser.get(page(dutch) + "?lang=" + language);
            String price = browser.await(d -> {
                String shown = browser.text(".dutch-price");
                return shown.startsWith("¥") ? shown : null;
            });
            assertThat(price).isEqualTo("¥90,000.00");
            browser.screenshot(SHOTS.resolve("listing-dutch-" + language + ".png"));
            browser.get(page(sealed) + "?lang=" + language);
            awaitLive(browser);
            if ("zh".equals(language)) {
                browser.screenshot(SHOTS.resolve("listing-sealed-zh.png"));
            }
            browser.get(page(negotiated) + "?lang=" + language);
            assertThat(browser.text(".thread")).contains("¥1,800.00");
            browser.screenshot(SHOTS.resolve("listing-negotiated-" + language + ".png"));
        }
    }

    /** Waits until the live stream has swapped its first panel into the page. */
    private static void awaitLive(Browser browser) {
        browser.await(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.querySelector('#live-panel .panel') !== null"
                        + " && document.querySelector('#live-panel').getAttribute('data-live') === 'on'")));
    }

    private static void markUnreloaded(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
    }

    private static boolean isUnreloaded(Browser browser) {
        return Boolean.TRUE.equals(
                ((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded === true;"));
    }

    private static Instant endOf(Browser browser) {
        return Instant.parse(browser.find("#live-panel .ends-at").getAttribute("data-ends-at"));
    }
}
