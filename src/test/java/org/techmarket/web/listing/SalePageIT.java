package org.techmarket.web.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.web.listing.SalePages.page;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.Market;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.PageClient;
import org.techmarket.support.PageClient.Page;
import org.techmarket.support.WebIntegrationTest;

/**
 * The sale page over plain HTTP, without JavaScript: what it shows for each mechanism in Chinese and English, the
 * forms that bid, take a Dutch price, buy and offer (through the same services as the API), and every refusal as a
 * message in the page's language with the refusal's status, never a stack trace or JSON.
 */
class SalePageIT extends WebIntegrationTest {

    private Market market;
    private SalePages listings;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
        listings = new SalePages(market, api);
    }

    @Test
    void anEnglishAuctionShowsItsSellerRulesPriceCountdownAndAnonymisedHistoryInBothLanguages() {
        Market.Seller seller = market.seller();
        String id = listings.english(seller, "50.00");
        Org first = market.bidder("500.00");
        Org second = market.bidder("500.00");
        listings.bid(first, id, "1000.00");
        listings.bid(second, id, "1100.00");

        PageClient anyone = visitor();
        Page zh = anyone.get(page(id) + "?lang=zh");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.header("Content-Type")).startsWith("text/html");
        assertThat(zh.html())
                .contains(listings.nameOf(seller.org()))
                .contains("Sparse-sensor training method")
                .contains("¥1,100.00")
                .contains("¥1,200.00")
                .contains("¥50.00")
                .contains("data-ends-at=\"")
                .contains("sse-connect=\"/listings/" + id + "/live\"")
                .contains("竞买人 1")
                .contains("竞买人 2")
                .contains("最低下次出价")
                .doesNotContain("ENGLISH")
                .doesNotContain("INVENTION_PATENT")
                .doesNotContain("class=\"you\"")
                .doesNotContain("bid-form");
        Page en = anyone.get(page(id) + "?lang=en");
        assertThat(en.html()).contains("Bidder 1").contains("Minimum next bid").contains("¥1,100.00");

        Page mine = signedIn(first).get(page(id) + "?lang=en");
        assertThat(mine.html()).contains("class=\"you\"").contains("bid-form").contains("proxy-form");
    }

    @Test
    void aBidAndAProxyMaximumPostedThroughTheFormsAreTakenAndTheMaximumStaysSecret() {
        Market.Seller seller = market.seller();
        String id = listings.english(seller, "50.00");
        Org bidder = market.bidder("500.00");
        PageClient browser = signedIn(bidder);
        Page before = browser.get(page(id) + "?lang=zh");
        assertThat(before.html()).contains("首次出价将从您的账户冻结保证金 ¥50.00");

        Page posted = browser.post(page(id) + "/bids", Map.of("maximum", "5000.00"), before);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith(page(id));
        Page after = browser.get(page(id));
        assertThat(after.html()).contains("出价成功").contains("您目前领先").contains("¥1,000.00");

        Org rival = market.bidder("500.00");
        listings.bid(rival, id, "1100.00");
        assertThat(browser.get(page(id)).html()).contains("¥1,200.00").contains("您目前领先");
        assertThat(signedIn(rival).get(page(id)).html()).doesNotContain("5,000").doesNotContain("您目前领先");
        assertThat(market.balances(bidder)[1]).isEqualTo("50.00");
    }

    @Test
    void refusalsAreMessagesInThePagesLanguageWithTheirStatusAndChangeNothing() {
        Market.Seller seller = market.seller();
        String id = listings.english(seller, "50.00");
        Org bidder = market.bidder("500.00");
        PageClient browser = signedIn(bidder);
        Page form = browser.get(page(id) + "?lang=zh");

        Page tooLow = browser.post(page(id) + "/bids", Map.of("amount", "900.00"), form);
        assertThat(tooLow.status()).isEqualTo(409);
        assertThat(tooLow.header("Content-Type")).startsWith("text/html");
        assertThat(tooLow.html())
                .contains("出价低于最低下次出价")
                .contains("BID_BELOW_MINIMUM")
                .doesNotContain("\"detail\":")
                .doesNotContain("Exception");
        Page garbled = browser.post(page(id) + "/bids", Map.of("amount", "12abc"), form);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.html()).contains("请以数字填写金额");

        Org poor = market.bidder("10.00");
        refusedBid(poor, id, "en", () -> {}, 409, "Your account does not hold enough for the deposit.");
        refusedBid(fixtures.registerOrg("ENTERPRISE"), id, "en", () -> {}, 403, "must be verified by the operator");
        Org suspended = market.bidder("500.00");
        refusedBid(
                suspended,
                id,
                "zh",
                () -> assertThat(api.post(
                                        "/api/v1/organizations/" + suspended.id() + "/suspension",
                                        ADMIN_TOKEN,
                                        Map.of("reason", "unpaid fees"))
                                .status())
                        .isEqualTo(200),
                403,
                "您的机构已被暂停交易");

        assertThat(visitor().get(page(id)).html()).doesNotContain("竞买人 1").doesNotContain("Bidder 1");
        assertThat(market.balances(poor)[1]).isEqualTo("0.00");
    }

    @Test
    void aSaleThatHasEndedRefusesTheNextBuyerOnThePage() {
        Market.Seller seller = market.seller();
        String id = listings.fixedPrice(seller);
        Org buyer = market.bidder("100.00");
        Org late = market.bidder("100.00");
        PageClient lateBrowser = signedIn(late);
        Page lateForm = lateBrowser.get(page(id) + "?lang=en");
        assertThat(lateForm.html()).contains("Buy now for ¥3,000.00");

        PageClient buyerBrowser = signedIn(buyer);
        Page bought = buyerBrowser.post(page(id) + "/purchase", Map.of(), buyerBrowser.get(page(id)));
        assertThat(bought.status()).isEqualTo(302);
        assertThat(buyerBrowser.get(page(id) + "?lang=en").html())
                .contains("You bought it")
                .contains("Sold for")
                .contains("You won this sale");

        Page refused = lateBrowser.post(page(id) + "/purchase", Map.of(), lateForm);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html()).contains("Not accepted:").doesNotContain("Buy now for");
    }

    @Test
    void aSealedBidIsShownToItsBidderAloneAndTheSaleSaysItIsSealed() {
        Market.Seller seller = market.seller();
        String id = listings.sealed(seller);
        Org bidder = market.bidder("100.00");
        PageClient browser = signedIn(bidder);

        Page placed = browser.post(page(id) + "/bids", Map.of("amount", "1234.00"), browser.get(page(id)));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(browser.get(page(id) + "?lang=zh").html())
                .contains("您的密封出价")
                .contains("¥1,234.00")
                .contains("密封中");
        Org other = market.bidder("100.00");
        assertThat(signedIn(other).get(page(id) + "?lang=zh").html())
                .doesNotContain("1,234")
                .contains("密封中")
                .contains("sealed-form");
        assertThat(signedIn(seller.org()).get(page(id)).html())
                .doesNotContain("1,234")
                .doesNotContain("sealed-form");
    }

    @Test
    void aDutchClockIsShownWithItsRulesAndAnAcceptanceTakesThePriceTheServerComputes() {
        Market.Seller seller = market.seller();
        String id = listings.dutch(seller);
        Org bidder = market.bidder("100.00");
        PageClient browser = signedIn(bidder);
        Page clock = browser.get(page(id) + "?lang=en");
        assertThat(clock.html())
                .contains("class=\"price dutch-price\"")
                .contains("data-step=\"100000\"")
                .contains("data-floor=\"5000000\"")
                .contains("The price falls by ¥1,000.00 every 60 seconds, never below ¥50,000.00");

        Page accepted = browser.post(page(id) + "/acceptance", Map.of(), clock);
        assertThat(accepted.status()).isEqualTo(302);
        Page won = browser.get(page(id) + "?lang=en");
        assertThat(won.html())
                .contains("You won this sale")
                .contains("Sold for")
                .doesNotContain("accept-form");
        assertThat(market.get(id, bidder.token()).json().path("status").asString())
                .isEqualTo("AWARDED");
    }

    @Test
    void aBuyerMakesAnOfferOnANegotiatedListingAndSeesItsThread() {
        Market.Seller seller = market.seller();
        String id = listings.negotiated(seller);
        Org buyer = market.bidder("100.00");
        PageClient browser = signedIn(buyer);
        Page form = browser.get(page(id) + "?lang=zh");
        assertThat(form.html()).contains("尚无报价").contains("offer-form");

        Page offered = browser.post(page(id) + "/offers", Map.of("price", "1800.00", "hours", "2"), form);
        assertThat(offered.status()).isEqualTo(302);
        assertThat(browser.get(page(id) + "?lang=zh").html())
                .contains("报价已送达卖方")
                .contains("第 1 轮")
                .contains("¥1,800.00");
        assertThat(signedIn(seller.org()).get(page(id) + "?lang=en").html())
                .contains("Round 1")
                .contains("¥1,800.00")
                .doesNotContain("offer-form");
        Org stranger = market.bidder("100.00");
        assertThat(signedIn(stranger).get(page(id)).html()).doesNotContain("¥1,800.00");

        Page refused = browser.post(page(id) + "/offers", Map.of("price", "-5"), form);
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void theLiveStreamSendsThePanelAsHtmlAndAgainWhenABidComes() throws Exception {
        String id = listings.english(market.seller(), "0.00");
        try (LiveStream live = LiveStream.open(api.base() + page(id) + "/live", "en")) {
            String first = live.next();
            assertThat(first).contains("Minimum next bid").contains("¥1,000.00").doesNotContain("Bidder 1");
            listings.bid(market.bidder("100.00"), id, "1000.00");
            String next = live.next();
            assertThat(next).contains("Bidder 1").contains("¥1,100.00").contains("data-ends-at=");
        }
    }

    @Test
    void theLiveStreamOfAnEndedSaleSendsItsResultAndEnds() throws Exception {
        String id = listings.fixedPrice(market.seller());
        assertThat(api.post(
                                "/api/v1/listings/" + id + "/purchase",
                                market.bidder("10.00").token(),
                                Map.of())
                        .status())
                .isEqualTo(201);
        try (LiveStream live = LiveStream.open(api.base() + page(id) + "/live", "zh")) {
            assertThat(live.next()).contains("成交价").contains("¥3,000.00");
            assertThat(live.ended()).isTrue();
        }
    }

    @Test
    void anAnonymousVisitorIsSentToLogInToBid() {
        String id = listings.english(market.seller(), "0.00");
        PageClient anyone = visitor();
        assertThat(anyone.get(page(id)).html()).doesNotContain("bid-form");
        // a stranger's sale page has no form and no token; one taken from the log-in page is a valid one
        Page withToken = anyone.get("/login");
        Page posted = anyone.post(page(id) + "/bids", Map.of("amount", "1000.00"), withToken);
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).contains("/login");
    }

    @Test
    void anUnknownListingIsAPageNotFound() {
        Page missing = visitor().get(page("no-such-listing"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void thePageRunsAsManyStatementsWithFifteenBidsAsWithOne() {
        Market.Seller seller = market.seller();
        String one = listings.english(seller, "0.00");
        String fifteen = listings.english(market.seller(), "0.00");
        Org a = market.bidder("100.00");
        Org b = market.bidder("100.00");
        listings.bid(a, one, "1000.00");
        for (int i = 0; i < 15; i++) {
            listings.bid(i % 2 == 0 ? a : b, fifteen, (1000 + i * 100) + ".00");
        }
        PageClient viewer = signedIn(a);
        viewer.get(page(one));

        PageClient.Counted counted = viewer.counted(page(one));
        int withOne = counted.statements();
        int withFifteen = viewer.counted(page(fifteen)).statements();
        assertThat(withFifteen).isEqualTo(withOne);
        assertThat(counted.commits())
                .as("each batch its own implicit transaction: nothing to commit (ADR 0118)")
                .isZero();
        assertThat(withOne)
                .as("the session's check; the listing, its bidders, its latest bids and the viewer's own together;"
                        + " then the seller's name and the assets together (ADR 0117)")
                .isEqualTo(3);
    }

    /**
     * A new buyer signs in and opens the sale page in {@code lang}; after {@code meanwhile}, its bid of ¥1,000.00 from
     * that page is refused with {@code status} and the page says {@code words}.
     */
    private void refusedBid(Org buyer, String id, String lang, Runnable meanwhile, int status, String words) {
        PageClient browser = signedIn(buyer);
        Page form = browser.get(page(id) + "?lang=" + lang);
        meanwhile.run();
        Page refused = browser.post(page(id) + "/bids", Map.of("amount", "1000.00"), form);
        assertThat(refused.status()).isEqualTo(status);
        assertThat(refused.html()).contains(words);
    }
}
