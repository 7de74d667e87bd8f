package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.lumpSumOffer;
import static org.techmarket.listing.Market.negotiation;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.listing.application.SuspendedSellers;
import org.techmarket.participant.OrganizationSuspended;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * A suspended seller's listings end: every one not yet ended (draft to open) is cancelled with the reason "seller
 * suspended", its deposits go back and its open offers lapse, as an operator's cancellation does. Another seller's
 * listings stand, reinstatement reopens nothing, and delivering the suspension again changes nothing.
 */
class SuspensionEndsListingsIT extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    SuspendedSellers suspendedSellers;

    @Autowired
    JdbcClient jdbc;

    private Market market;

    @BeforeEach
    void aMarket() {
        market = new Market(api, fixtures);
    }

    @Test
    void suspendingASellerCancelsItsStandingListingsReleasesDepositsAndLapsesOffers() {
        Market.Seller seller = market.seller();
        String auction = market.publish(
                seller,
                assignment(),
                Market.english("1000.00", "100.00", "50.00", now(), now().plus(Duration.ofHours(1))));
        Org bidder = market.bidder("500.00");
        assertThat(market.bid(bidder, auction, "1000.00").status()).isEqualTo(201);
        assertThat(market.balances(bidder)).containsExactly("450.00", "50.00");
        String negotiation = market.publish(seller, assignment(), negotiation());
        Org buyer = market.bidder("10.00");
        Api.Response offered =
                api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), lumpSumOffer("2000.00"));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        Api.Response draft = market.draft(
                seller,
                assignment(),
                Market.english(
                        "1000.00", "100.00", "0.00", now().plus(Duration.ofDays(1)), now().plus(Duration.ofDays(2))));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        Market.Seller other = market.seller();
        String othersListing = market.publish(other, assignment(), negotiation());

        Api.Response suspended = api.post(
                "/api/v1/organizations/" + seller.org().id() + "/suspension",
                ADMIN_TOKEN,
                Map.of("reason", "Forged ownership documents"));
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);

        for (String listing : List.of(auction, negotiation, draft.text("id"))) {
            Eventually.await(
                    "listing " + listing + " to be cancelled",
                    PATIENCE,
                    () -> "CANCELLED".equals(market.get(listing, ADMIN_TOKEN).text("status")));
            assertThat(market.get(listing, ADMIN_TOKEN).text("statusReason")).isEqualTo("seller suspended");
        }
        assertThat(market.balances(bidder)).containsExactly("500.00", "0.00");
        Eventually.await(
                "the offer to lapse",
                PATIENCE,
                () -> "EXPIRED"
                        .equals(api.get("/api/v1/offers/" + offered.text("id"), buyer.token())
                                .text("status")));
        assertThat(market.get(othersListing, ADMIN_TOKEN).text("status")).isEqualTo("OPEN");
        // The suspension's reason is the venue's business; the public sees only that the seller was suspended.
        assertThat(market.get(auction, bidder.token()).text()).doesNotContain("Forged");

        // Reinstated, the seller finds its listings still ended; it may list again.
        assertThat(api.post("/api/v1/organizations/" + seller.org().id() + "/verification", ADMIN_TOKEN, Map.of())
                        .text("status"))
                .isEqualTo("VERIFIED");
        assertThat(suspendedSellers.endListingsOf(
                        new OrganizationSuspended(seller.org().id(), "venue", "delivered again", Instant.now())))
                .isZero();
        assertThat(market.get(auction, ADMIN_TOKEN).text("status")).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'ListingCancelled' and subject = ?")
                        .param("listing:" + auction)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(market.draft(seller, assignment(), negotiation()).status()).isEqualTo(201);
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void anOfferFromABuyerSuspendedSinceCannotBeAcceptedAndTheBuyerMakesNoMore() {
        Market.Seller seller = market.seller();
        String negotiation = market.publish(seller, assignment(), negotiation());
        Org buyer = market.bidder("10.00");
        Api.Response offered =
                api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), lumpSumOffer("2000.00"));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/organizations/" + buyer.id() + "/suspension",
                                ADMIN_TOKEN,
                                Map.of("reason", "Unpaid fees"))
                        .status())
                .isEqualTo(200);

        Api.Response accepted = api.post(
                "/api/v1/offers/" + offered.text("id") + "/acceptance",
                seller.org().token(),
                Map.of());
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.code()).isEqualTo("COUNTERPARTY_NOT_VERIFIED");
        Api.Response another =
                api.post("/api/v1/listings/" + negotiation + "/offers", buyer.token(), lumpSumOffer("2100.00"));
        assertThat(another.status()).isEqualTo(403);
        assertThat(another.code()).isEqualTo("ORGANIZATION_SUSPENDED");
        assertThat(market.get(negotiation, ADMIN_TOKEN).text("status")).isEqualTo("OPEN");
        assertThat(market.ledgerBalanced()).isTrue();
    }
}
