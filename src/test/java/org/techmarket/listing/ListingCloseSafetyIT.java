package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.now;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.Ledger;
import org.techmarket.listing.Market.Seller;
import org.techmarket.listing.application.Closing;
import org.techmarket.shared.Actor;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * The closing job as every node runs it, each second: a listing that cannot be closed holds up none of the listings
 * ending after it, and an auction whose winner or seller was suspended before its end still ends, UNSOLD with the
 * reason, its deposits released.
 */
class ListingCloseSafetyIT extends IntegrationTest {

    private static final Duration ON_TIME = Duration.ofSeconds(5);

    @Autowired
    Closing closing;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private Market market;
    private Org alice;
    private Org bob;

    @BeforeEach
    void bidders() {
        market = new Market(api, fixtures);
        alice = market.bidder("10000.00");
        bob = market.bidder("10000.00");
    }

    @Test
    void aListingThatCannotBeClosedHoldsUpNoneOfTheFiveEndingAfterIt() throws Exception {
        List<Seller> sellers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sellers.add(market.seller());
        }
        Instant firstEnd = now().plusSeconds(8);
        String poisoned =
                market.publish(sellers.get(0), assignment(), english("100.00", "10.00", "100.00", now(), firstEnd));
        assertThat(market.bid(alice, poisoned, "100.00").status()).isEqualTo(201);
        assertThat(market.bid(bob, poisoned, "150.00").status()).isEqualTo(201);
        List<String> healthy = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = market.publish(
                    sellers.get(i),
                    assignment(),
                    english("100.00", "10.00", "100.00", now(), firstEnd.plusMillis(300L * i)));
            assertThat(market.bid(bob, id, "100.00").status()).isEqualTo(201);
            healthy.add(id);
        }
        // The ledger released Alice's deposit behind the listing's back: closing it now fails every time.
        ledger.release(Actor.SYSTEM, depositHold(poisoned, alice));

        waitFor(
                Duration.ofSeconds(40),
                () -> healthy.stream().allMatch(id -> status(id).equals("AWARDED")));

        for (String id : healthy) {
            assertThat(market.get(id, ADMIN_TOKEN)
                            .json()
                            .path("award")
                            .path("winnerId")
                            .asString())
                    .isEqualTo(bob.id());
            Duration late =
                    Duration.ofMillis(jdbc.sql("select (extract(epoch from updated_at - ends_at) * 1000)::bigint"
                                    + " from listing where id = ?")
                            .param(id)
                            .query(Long.class)
                            .single());
            assertThat(late).as("closed after its end by").isLessThan(ON_TIME);
        }
        assertThat(status(poisoned)).isEqualTo("OPEN");
        Map<String, Object> failure = jdbc.sql("select attempts, last_error, next_attempt_at from job_failure"
                        + " where job = 'listing-closing' and item_id = ?")
                .param(poisoned)
                .query()
                .singleRow();
        assertThat((Integer) failure.get("attempts")).isGreaterThanOrEqualTo(1);
        assertThat((String) failure.get("last_error")).startsWith("HOLD_NOT_ACTIVE");
        assertThat(failure.get("next_attempt_at")).isNotNull();

        // Once the listing's record is set right, its next attempt closes it and forgets its failures.
        jdbc.sql("update listing_bidder set deposit = 'RELEASED' where listing_id = ? and bidder_id = ?")
                .params(poisoned, alice.id())
                .update();
        assertThat(closing.runDue(Instant.now().plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);
        assertThat(status(poisoned)).isEqualTo("AWARDED");
        assertThat(jdbc.sql("select count(*) from job_failure where item_id = ?")
                        .param(poisoned)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(market.balances(alice)).containsExactly("10000.00", "0.00");
        assertThat(market.balances(bob)).containsExactly("9400.00", "600.00");
    }

    @Test
    void aLeaderSuspendedBeforeTheEndLeavesTheAuctionUnsoldWithEveryDepositReleased() throws Exception {
        String id = market.publish(
                market.seller(), assignment(), english("100.00", "10.00", "100.00", now(), now().plusSeconds(4)));
        assertThat(market.bid(alice, id, "100.00").status()).isEqualTo(201);
        assertThat(market.bid(bob, id, "150.00").status()).isEqualTo(201);
        Api.Response suspended = api.post(
                "/api/v1/organizations/" + bob.id() + "/suspension", ADMIN_TOKEN, Map.of("reason", "forged documents"));
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);

        waitFor(Duration.ofSeconds(20), () -> !status(id).equals("OPEN"));

        Api.Response unsold = market.get(id, ADMIN_TOKEN);
        assertThat(unsold.text("status")).isEqualTo("UNSOLD");
        assertThat(unsold.text("unsoldReason")).isEqualTo("WINNER_NOT_VERIFIED");
        assertThat(unsold.json().path("award").isNull()).isTrue();
        assertThat(market.balances(alice)).containsExactly("10000.00", "0.00");
        assertThat(market.balances(bob)).containsExactly("10000.00", "0.00");
        assertThat(unsoldAudit(id))
                .contains("\"unsold\":\"WINNER_NOT_VERIFIED\"")
                .contains(bob.id());
        assertThat(failures(id)).isZero();
    }

    @Test
    void aSellerNoLongerVerifiedAtTheCloseSellsNothingAndEveryDepositIsReleased() throws Exception {
        Seller seller = market.seller();
        String id =
                market.publish(seller, assignment(), english("100.00", "10.00", "100.00", now(), now().plusSeconds(4)));
        assertThat(market.bid(alice, id, "100.00").status()).isEqualTo(201);
        assertThat(market.bid(bob, id, "150.00").status()).isEqualTo(201);
        // Suspended with nothing else done: the close itself must not sell for a seller who may no longer trade.
        jdbc.sql("update organization set status = 'SUSPENDED' where id = ?")
                .param(seller.org().id())
                .update();

        waitFor(Duration.ofSeconds(20), () -> !status(id).equals("OPEN"));

        Api.Response unsold = market.get(id, ADMIN_TOKEN);
        assertThat(unsold.text("status")).isEqualTo("UNSOLD");
        assertThat(unsold.text("unsoldReason")).isEqualTo("SELLER_SUSPENDED");
        assertThat(market.balances(alice)).containsExactly("10000.00", "0.00");
        assertThat(market.balances(bob)).containsExactly("10000.00", "0.00");
        assertThat(unsoldAudit(id)).contains("\"unsold\":\"SELLER_SUSPENDED\"");
        assertThat(failures(id)).isZero();
    }

    private String status(String id) {
        return jdbc.sql("select status from listing where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private String depositHold(String listingId, Org bidder) {
        return jdbc.sql("select hold_id from listing_bidder where listing_id = ? and bidder_id = ?")
                .params(listingId, bidder.id())
                .query(String.class)
                .single();
    }

    private String unsoldAudit(String id) {
        return jdbc.sql("select payload from audit_event where type = 'ListingUnsold' and subject = ?")
                .param("listing:" + id)
                .query(String.class)
                .single();
    }

    private long failures(String id) {
        return jdbc.sql("select count(*) from job_failure where item_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private static void waitFor(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", atMost).isBefore(until);
            Thread.sleep(200);
        }
    }
}
