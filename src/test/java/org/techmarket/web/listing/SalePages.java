package org.techmarket.web.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.techmarket.listing.Market;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Listings of each mechanism for the sale page's tests, published through the API as a seller would. */
final class SalePages {

    private final Market market;
    private final Api api;

    SalePages(Market market, Api api) {
        this.market = market;
        this.api = api;
    }

    static String page(String id) {
        return "/listings/" + id;
    }

    /** An English auction open for an hour: start 1,000.00, steps of 100.00, a deposit of {@code deposit}. */
    String english(Market.Seller seller, String deposit) {
        return market.publish(
                seller,
                Market.assignment(),
                Market.english(
                        "1000.00", "100.00", deposit, Market.now(), Market.now().plus(Duration.ofHours(1))));
    }

    /**
     * An English auction ending in ten minutes whose soft close covers its whole period: every bid moves the end
     * ten minutes past the bid, so a bid visibly moves the countdown without anyone waiting for a window.
     */
    String softClosing(Market.Seller seller) {
        Map<String, Object> rules = Market.english(
                "1000.00", "100.00", "0.00", Market.now(), Market.now().plus(Duration.ofMinutes(10)));
        rules.put("extendWindowSeconds", 3600);
        rules.put("extendBySeconds", 1800);
        return market.publish(seller, Market.assignment(), rules);
    }

    String sealed(Market.Seller seller) {
        return market.publish(seller, Market.assignment(), Market.sealedFirstPrice());
    }

    String dutch(Market.Seller seller) {
        return dutch(seller, 60);
    }

    /** A Dutch clock from ¥90,000.00 down by ¥1,000.00 every {@code intervalSeconds}, never below ¥50,000.00. */
    String dutch(Market.Seller seller, int intervalSeconds) {
        Map<String, Object> rules = Market.mechanism(
                "DUTCH", "90000.00", "0.00", Market.now(), Market.now().plus(Duration.ofHours(1)));
        rules.put(
                "dutch",
                Map.of(
                        "step",
                        Market.cny("1000.00"),
                        "intervalSeconds",
                        intervalSeconds,
                        "floorPrice",
                        Market.cny("50000.00")));
        return market.publish(seller, Market.assignment(), rules);
    }

    String fixedPrice(Market.Seller seller) {
        return market.publish(
                seller,
                Market.assignment(),
                Market.mechanism(
                        "FIXED_PRICE",
                        "3000.00",
                        "0.00",
                        Market.now(),
                        Market.now().plus(Duration.ofHours(1))));
    }

    String negotiated(Market.Seller seller) {
        return market.publish(seller, Market.assignment(), Market.negotiation());
    }

    /** The organization's registered name. */
    String nameOf(Org org) {
        Api.Response read = api.get("/api/v1/organizations/" + org.id(), IntegrationTest.ADMIN_TOKEN);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.text("name");
    }

    void bid(Org bidder, String id, String amount) {
        Api.Response bid = market.bid(bidder, id, amount);
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);
    }
}
