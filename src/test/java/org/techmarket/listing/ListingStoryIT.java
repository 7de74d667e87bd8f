package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.techmarket.listing.Market.Seller;
import org.techmarket.listing.application.Closing;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A university auctions an exclusive licence for China on its robot-learning patent: a reserve, a tiered increment,
 * a soft close and deposits; two manufacturers and an SME bid, one with a proxy maximum; the reserve is met, the
 * auction is extended, and the licence is awarded with the winner's deposit kept for the deal. Its second listing
 * fails at award, because the rights it offered were granted away in the meantime.
 */
@RecordApplicationEvents
class ListingStoryIT extends IntegrationTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    Closing closing;

    @Test
    void aUniversityAuctionsAnExclusiveLicenceToTheHighestManufacturer() {
        Market market = new Market(api, fixtures);
        Seller university = market.seller();
        Org roboticsCo = market.bidder("2000000.00");
        Org autoParts = market.bidder("2000000.00");
        Org sme = market.bidder("60000.00");

        Map<String, Object> english =
                Market.english("500000.00", "10000.00", "50000.00", now(), now().plus(Duration.ofMinutes(30)));
        english.remove("increment");
        english.put(
                "increments",
                List.of(
                        Map.of("from", cny("0.00"), "step", cny("10000.00")),
                        Map.of("from", cny("1000000.00"), "step", cny("50000.00"))));
        english.put("reservePrice", cny("800000.00"));
        english.put("extendWindowSeconds", 3600);
        english.put("extendBySeconds", 3600);
        String listing = market.publish(university, Market.exclusiveLicence("CN"), english);
        Api.Response disclosed = market.get(listing, sme.token());
        assertThat(disclosed.text("status")).isEqualTo("OPEN");
        assertThat(disclosed.json().path("mechanism").path("hasReserve").asBoolean())
                .isTrue();
        assertThat(disclosed.text()).doesNotContain("800000.00");
        assertThat(disclosed.json().path("offer").path("licence").path("type").asString())
                .isEqualTo("EXCLUSIVE");

        // The SME opens at the start price; its deposit of 50,000 yuan is held.
        assertThat(market.bid(sme, listing, "500000.00").status()).isEqualTo(201);
        assertThat(market.balances(sme)).containsExactly("10000.00", "50000.00");
        // RoboticsCo bids with a proxy maximum of 1.2 million; the platform bids for it.
        Api.Response proxy = api.post(
                "/api/v1/listings/" + listing + "/bids",
                roboticsCo.token(),
                Map.of("amount", cny("510000.00"), "maxAmount", cny("1200000.00")));
        assertThat(proxy.json().path("leading").asBoolean()).isTrue();
        assertThat(proxy.json().path("currentPrice").path("amount").asString()).isEqualTo("800000.00");
        assertThat(market.get(listing, sme.token()).json().path("reserveMet").asBoolean())
                .isTrue();
        Instant endBefore = Instant.parse(market.get(listing, sme.token()).text("endsAt"));

        // AutoParts bids a million; RoboticsCo's proxy answers, one step of the tier above.
        Api.Response challenge = market.bid(autoParts, listing, "1000000.00");
        assertThat(challenge.json().path("leading").asBoolean()).isFalse();
        assertThat(challenge.json().path("currentPrice").path("amount").asString())
                .isEqualTo("1050000.00");
        assertThat(Instant.parse(challenge.text("endsAt")))
                .as("the soft close moved the end")
                .isAfter(endBefore);
        Api.Response history = api.get("/api/v1/listings/" + listing + "/bids", autoParts.token());
        assertThat(history.json().path("items").findValuesAsString("bidder"))
                .containsExactly("Bidder 1", "Bidder 2", "Bidder 3");

        assertThat(closing.close(listing, Instant.now().plus(Duration.ofHours(2))))
                .isTrue();
        Api.Response awarded = market.get(listing, roboticsCo.token());
        assertThat(awarded.text("status")).isEqualTo("AWARDED");
        assertThat(awarded.json().path("award").path("winnerId").asString()).isEqualTo(roboticsCo.id());
        assertThat(awarded.json().path("award").path("price").path("amount").asString())
                .isEqualTo("1050000.00");
        assertThat(market.balances(roboticsCo)).containsExactly("1950000.00", "50000.00");
        // The deal module hears of the award: the licence, the price, the deposit kept and the runner-up.
        ListingAwarded award = events.stream(ListingAwarded.class)
                .filter(e -> e.listingId().equals(listing))
                .findFirst()
                .orElseThrow();
        assertThat(award.offeredKind()).isEqualTo(GrantKind.EXCLUSIVE_LICENCE);
        assertThat(award.price()).isEqualTo(Money.cny(105_000_000));
        assertThat(award.runnerUp()).contains(new ListingAwarded.RunnerUp(autoParts.id(), Money.cny(100_000_000)));
        assertThat(market.balances(autoParts)).containsExactly("2000000.00", "0.00");
        assertThat(market.balances(sme)).containsExactly("60000.00", "0.00");

        // A second listing of the same patent, for the rest of the world, is submitted and opened; before it closes
        // the university licenses the US exclusively to someone else, so at award the rights check refuses it.
        Seller second = market.seller();
        String world = market.publish(
                second,
                Market.exclusiveLicence("US"),
                Market.english("100000.00", "1000.00", "5000.00", now(), now().plus(Duration.ofMinutes(30))));
        assertThat(market.bid(autoParts, world, "100000.00").status()).isEqualTo(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Api.Response direct = api.post(
                "/api/v1/assets/" + second.assetId() + "/grants",
                second.org().token(),
                Map.of(
                        "type",
                        "EXCLUSIVE_LICENCE",
                        "granteeId",
                        sme.id(),
                        "scope",
                        Map.of(
                                "fields",
                                List.of("*"),
                                "territories",
                                List.of("US"),
                                "start",
                                today,
                                "end",
                                LocalDate.now(ZoneOffset.UTC).plusYears(1).toString())));
        assertThat(direct.status()).as(direct.text()).isEqualTo(201);
        assertThat(closing.close(world, Instant.now().plus(Duration.ofHours(2))))
                .isTrue();
        Api.Response unsold = market.get(world, autoParts.token());
        assertThat(unsold.text("status")).isEqualTo("UNSOLD");
        assertThat(unsold.text("unsoldReason")).isEqualTo("RIGHTS_CONFLICT");
        assertThat(unsold.json().path("award").isNull()).isTrue();
        assertThat(market.balances(autoParts)).containsExactly("2000000.00", "0.00");
        assertThat(market.ledgerBalanced()).isTrue();
    }
}
