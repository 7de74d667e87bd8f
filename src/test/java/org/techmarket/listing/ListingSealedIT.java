package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.techmarket.listing.application.Closing;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Sealed bids are hidden from everyone, operators included, until the close; then the second price is paid. */
@RecordApplicationEvents
class ListingSealedIT extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Closing closing;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    @Test
    void sealedBidsStayHiddenUntilTheCloseAndTheWinnerPaysTheSecondPrice() {
        var m = mechanism("SEALED_SECOND_PRICE", "10000.00", "1000.00", now(), now().plus(Duration.ofHours(1)));
        m.put("reservePrice", Market.cny("12000.00"));
        String id = market.publish(market.seller(), assignment(), m);
        Org high = market.bidder("50000.00");
        Org low = market.bidder("50000.00");
        Api.Response first = market.bid(high, id, "20000.00");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("currentPrice").isNull()).isTrue();
        assertThat(market.bid(low, id, "15000.00").status()).isEqualTo(201);
        assertThat(market.bid(low, id, "16000.00").status())
                .as("a sealed bid may be replaced")
                .isEqualTo(201);

        for (String token : new String[] {low.token(), ADMIN_TOKEN}) {
            Api.Response seen = market.get(id, token);
            assertThat(seen.json().path("currentPrice").isNull()).isTrue();
            assertThat(seen.json().path("bidCount").isNull()).isTrue();
            assertThat(seen.json().path("leading").asBoolean()).isFalse();
            assertThat(seen.text()).doesNotContain("20000.00").doesNotContain("12000.00");
        }
        Api.Response own = api.get("/api/v1/listings/" + id + "/bids", low.token());
        assertThat(own.json().path("items").findValues("bidder")).allMatch(bidder -> bidder.isNull());
        assertThat(own.json().path("items").findValues("sequence").stream().map(n -> n.asLong()))
                .as("numbered among its own bids")
                .containsExactly(1L, 2L);
        assertThat(own.text()).doesNotContain("20000.00");
        Api.Response peek = api.get("/api/v1/listings/" + id + "/bids", ADMIN_TOKEN);
        assertThat(peek.status()).isEqualTo(403);
        assertThat(peek.code()).isEqualTo("SEALED_UNTIL_CLOSE");
        Api.Response stranger = api.get(
                "/api/v1/listings/" + id + "/bids",
                fixtures.verifiedOrg("ENTERPRISE").token());
        assertThat(stranger.code()).isEqualTo("SEALED_UNTIL_CLOSE");

        assertThat(closing.close(id, Instant.now().plus(Duration.ofHours(2)))).isTrue();
        ListingAwarded award = events.stream(ListingAwarded.class)
                .filter(e -> e.listingId().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(award.buyerId()).isEqualTo(high.id());
        assertThat(award.price()).isEqualTo(Money.cny(1_600_000));
        assertThat(award.depositHoldId()).isPresent();
        assertThat(award.runnerUp()).contains(new ListingAwarded.RunnerUp(low.id(), Money.cny(1_600_000)));
        assertThat(award.mechanism()).isEqualTo("SEALED_SECOND_PRICE");
        Api.Response closed = market.get(id, low.token());
        assertThat(closed.text("status")).isEqualTo("AWARDED");
        assertThat(closed.json().path("award").path("winnerId").asString()).isEqualTo(high.id());
        assertThat(closed.json().path("award").path("price").path("amount").asString())
                .isEqualTo("16000.00");
        Api.Response all = api.get("/api/v1/listings/" + id + "/bids", ADMIN_TOKEN);
        assertThat(all.json().path("items").size()).isEqualTo(3);
        assertThat(all.text()).contains("20000.00");
        assertThat(market.balances(low)).containsExactly("50000.00", "0.00");
        assertThat(market.balances(high)).containsExactly("49000.00", "1000.00");
    }
}
