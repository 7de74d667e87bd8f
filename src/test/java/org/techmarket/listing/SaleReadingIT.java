package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.asset.AssetKind;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * The sale as its page reads it: the seller's name, the assets' kinds, the rules, the public state, and a bid
 * history numbered per listing with the viewer's own lines marked; sealed bids stay sealed to everyone but their
 * bidder; the page's bids are the API's, refused alike.
 */
class SaleReadingIT extends IntegrationTest {

    @Autowired
    Sales sales;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    static Actor actor(Org org) {
        return new Actor(org.adminId(), org.username(), Role.ORG_ADMIN, Optional.of(org.id()), Optional.empty());
    }

    @Test
    void anEnglishSaleShowsItsSellerRulesAndAnAnonymisedHistoryWithTheViewersOwnBidsMarked() {
        Market.Seller seller = market.seller();
        Map<String, Object> rules = english("1000.00", "100.00", "50.00", now(), now().plus(Duration.ofHours(1)));
        rules.put("extendWindowSeconds", 120);
        rules.put("extendBySeconds", 60);
        String id = market.publish(seller, assignment(), rules);
        Org first = market.bidder("500.00");
        Org second = market.bidder("500.00");
        assertThat(market.bid(first, id, "1000.00").status()).isEqualTo(201);
        Sale afterProxy = sales.bid(actor(second), id, Money.parse("1100.00", "CNY"), Optional.of(cny100k()));

        assertThat(afterProxy.viewer().leading()).isTrue();
        Sale seenByFirst = sales.sale(Optional.of(actor(first)), id);
        assertThat(seenByFirst.sellerName()).startsWith("Org");
        assertThat(seenByFirst.assets()).extracting(Sale.Item::kind).containsExactly(AssetKind.INVENTION_PATENT);
        assertThat(seenByFirst.industries()).containsExactly("ARTIFICIAL_INTELLIGENCE");
        assertThat(seenByFirst.rules().deposit()).isEqualTo(Money.parse("50.00", "CNY"));
        assertThat(seenByFirst.rules().extendWindow()).contains(Duration.ofSeconds(120));
        assertThat(seenByFirst.rules().extendBy()).contains(Duration.ofSeconds(60));
        assertThat(seenByFirst.currentPrice()).contains(Money.parse("1100.00", "CNY"));
        assertThat(seenByFirst.minimumBid()).contains(Money.parse("1200.00", "CNY"));
        assertThat(seenByFirst.viewer().joined()).isTrue();
        assertThat(seenByFirst.viewer().leading()).isFalse();
        // newest first; numbered in the order the bidders first bid; the viewer's own marked; no maximum anywhere
        assertThat(seenByFirst.history())
                .extracting(
                        l -> l.bidder().orElseThrow(),
                        Sale.Line::mine,
                        l -> l.amount().decimal())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, false, "1100.00"),
                        org.assertj.core.groups.Tuple.tuple(1, true, "1000.00"));
        Sale seenByAnyone = sales.sale(Optional.empty(), id);
        assertThat(seenByAnyone.history()).noneMatch(Sale.Line::mine);
        assertThat(seenByAnyone.viewer()).isEqualTo(Sale.Viewer.ANONYMOUS);
        assertThat(sales.version(id)).isEqualTo(seenByAnyone.version());
    }

    @Test
    void aBidBelowTheMinimumIsRefusedAsTheApiRefusesItAndChangesNothing() {
        Market.Seller seller = market.seller();
        String id = market.publish(
                seller, assignment(), english("1000.00", "100.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        Org bidder = market.bidder("100.00");
        long before = sales.version(id);

        assertThatThrownBy(() -> sales.bid(actor(bidder), id, Money.parse("900.00", "CNY"), Optional.empty()))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("BID_BELOW_MINIMUM"));
        assertThat(sales.version(id)).isEqualTo(before);
        assertThat(sales.sale(Optional.of(actor(bidder)), id).history()).isEmpty();
    }

    @Test
    void aSealedSaleShowsEachBidderItsOwnBidsNumberedAmongItsOwnAndNobodyTheCount() {
        Market.Seller seller = market.seller();
        String id = market.publish(
                seller,
                assignment(),
                mechanism("SEALED_FIRST_PRICE", "1000.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        Org early = market.bidder("100.00");
        Org late = market.bidder("100.00");
        assertThat(market.bid(early, id, "1500.00").status()).isEqualTo(201);
        assertThat(market.bid(early, id, "1600.00").status()).isEqualTo(201);
        sales.bid(actor(late), id, Money.parse("1200.00", "CNY"), Optional.empty());

        Sale seenByLate = sales.sale(Optional.of(actor(late)), id);
        assertThat(seenByLate.history())
                .extracting(
                        Sale.Line::sequence, Sale.Line::mine, l -> l.amount().decimal(), Sale.Line::bidder)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true, "1200.00", Optional.empty()));
        assertThat(seenByLate.bidCount()).isEmpty();
        assertThat(seenByLate.currentPrice()).isEmpty();
        assertThat(sales.sale(Optional.of(actor(early)), id).history())
                .extracting(Sale.Line::sequence)
                .containsExactly(2L, 1L);
        assertThat(sales.sale(Optional.empty(), id).history()).isEmpty();
        assertThat(sales.sale(Optional.of(actor(seller.org())), id).history()).isEmpty();
    }

    @Test
    void aPrivateListingIsNotFoundForAnyone() {
        Market.Seller seller = market.seller();
        var draft = market.draft(
                seller, assignment(), english("1000.00", "100.00", "0.00", now(), now().plus(Duration.ofHours(1))));
        assertThat(draft.status()).isEqualTo(201);

        assertThatThrownBy(() -> sales.sale(Optional.empty(), draft.text("id")))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
        assertThat(sales.sale(Optional.of(actor(seller.org())), draft.text("id"))
                        .status())
                .isEqualTo("DRAFT");
    }

    private static Money cny100k() {
        return Money.parse("100000.00", "CNY");
    }
}
