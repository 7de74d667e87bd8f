package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.now;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Publications;
import org.techmarket.support.StatementCounting;

/**
 * How many SQL statements a bid costs on the server, from the first filter to the response: the write path's
 * round trips, each one a cost every bid pays under load. The bounds are today's counts; a change that adds a
 * statement to every bid fails here and has to say why.
 */
@Import(StatementCounting.Configuration.class)
class BidStatementsIT extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    @Test
    void aBidderFirstBidAndItsNextBidEachCostABoundedNumberOfStatements() throws Exception {
        String id = market.publish(
                market.seller(),
                assignment(),
                english("1000.00", "100.00", "200.00", now(), now().plus(Duration.ofHours(1))));
        Org alice = market.bidder("10000.00");
        Org bob = market.bidder("10000.00");
        long searchChanges = searchChanges(id);

        List<String> first = bid(alice, id, "1000.00", 201);
        List<String> rival = bid(bob, id, "1100.00", 201);
        List<String> again = bid(alice, id, "1200.00", 201);
        List<String> refused = bid(bob, id, "1200.00", 409);
        List<String> keyed = bid(bob, id, "1400.00", 201, Fixtures.unique("key"));

        // Three bids took the lead: each time the one outbid had heard it, and the feed kept it, when the bid answered.
        assertThat(outbidNotices(id)).isEqualTo(3);
        assertThat(leadsInTheFeed(id)).isEqualTo(3);
        assertThat(Publications.of(jdbc, LeadTaken.class, id))
                .as("leads taken, delivered after the bids")
                .isEmpty();
        assertThat(Publications.of(jdbc, ListingMilestone.class, id))
                .as("the venue and the funnel hear of the publication after its commit; the first bid is noted in"
                        + " the bid's own transaction, not published to them")
                .containsExactlyInAnyOrder(
                        "statistics.count.listing-milestone",
                        "venue.record.listing-terms",
                        "venue.feed.listing-milestone");
        Eventually.await(
                "the listing's first bid counted in the funnel",
                Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from stat_applied_fact where key = ?")
                                        .param("listing:" + id + ":BID_ON")
                                        .query(Long.class)
                                        .single()
                                == 1
                        && jdbc.sql("select count(*) from stat_funnel_pending where listing_id = ?")
                                        .param(id)
                                        .query(Long.class)
                                        .single()
                                == 0);
        assertThat(jdbc.sql("select b.bidder_id, b.alias || ' ' || b.deposit || ' ' || h.status || ' ' || h.amount,"
                                + " h.organization_id = b.bidder_id from listing_bidder b join ledger_hold h"
                                + " on h.id = b.hold_id where b.listing_id = ? order by b.alias")
                        .param(id)
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3))
                        .list())
                .as("each first bid joined its bidder, in turn, with the deposit held once on the bidder's account")
                .containsExactly(alice.id() + " 1 HELD ACTIVE 20000 true", bob.id() + " 2 HELD ACTIVE 20000 true");
        assertThat(jdbc.sql("select count(*) from audit_event where subject in (select 'hold:' || hold_id from"
                                + " listing_bidder where listing_id = ?) and type = 'HoldPlaced'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("each deposit's hold is in the log once, appended with its bid's events")
                .isEqualTo(2);
        assertThat(searchChanges(id))
                .as("bids move no searchable column of the listing, so the search index hears nothing of them")
                .isEqualTo(searchChanges);
        assertThat(jdbc.sql("select array_to_string(reloptions, ',') from pg_class where relname = 'listing'")
                        .query(String.class)
                        .single())
                .as("the listing's pages keep room for a bid's new row version, which then stays on its page and adds"
                        + " to none of the listing's indexes (on one page with room either way, a test's listing cannot"
                        + " show the move itself)")
                .isEqualTo("fillfactor=60");
        report("first bid (joins, holds the deposit)", first);
        report("a rival's first bid", rival);
        report("the same bidder's next bid", again);
        report("a bid refused as too low", refused);
        report("a next bid with an Idempotency-Key", keyed);
        assertThat(first).as(String.join("\n", first)).hasSizeLessThanOrEqualTo(FIRST);
        assertThat(again).as(String.join("\n", again)).hasSizeLessThanOrEqualTo(NEXT);
        assertThat(refused).as(String.join("\n", refused)).hasSizeLessThanOrEqualTo(REFUSED);
        assertThat(keyed).as(String.join("\n", keyed)).hasSizeLessThanOrEqualTo(NEXT + KEY);
    }

    /**
     * Authentication (token, user), the bidder's organization share-locked, the listing locked with the bidder's place
     * on it (not there yet: a bid this node has not seen its bidder make there is not read without the lock first),
     * the asset ownership check, the deposit's hold (accounts locked, created once and locked again, then posted with
     * the hold in one statement), the listing stored with the bid and the bidder joined in one statement, the ledger's
     * and the listing's audit events in one insert, and, for the listing's first bid, the funnel's note of it (in
     * place of an event publication and a transaction of its own after the commit). A bidder's later first bids, on
     * other listings, find their accounts: 10.
     */
    private static final int FIRST = 12;

    /**
     * Authentication, the organization, the listing read with the bidder's place (no lock), the listing stored with
     * the bid if unchanged (the lock taken there), the bid's audit event; a bid that takes the lead adds the outbid
     * notice (its webhooks read in the same statement) and the venue feed's entry (its turn taken in the same
     * statement).
     */
    private static final int NEXT = 8;

    /** Authentication, the organization, and the listing read with the bidder's place: then refused, with no lock. */
    private static final int REFUSED = 4;

    /** The key's lock, the earlier response looked up, and the response stored. */
    private static final int KEY = 3;

    private long searchChanges(String listingId) {
        return jdbc.sql("select count(*) from search_change where type = 'listing' and id = ?")
                .param(listingId)
                .query(Long.class)
                .single();
    }

    private int outbidNotices(String listingId) {
        return jdbc.sql("select count(*) from notification where subject_id = ? and kind = 'listing.outbid'")
                .param(listingId)
                .query(Integer.class)
                .single();
    }

    private int leadsInTheFeed(String listingId) {
        return jdbc.sql("select count(*) from venue_public_event where subject = ? and type = 'LeadTaken'")
                .param("listing:" + listingId)
                .query(Integer.class)
                .single();
    }

    private List<String> bid(Org bidder, String listingId, String amount, int status) throws Exception {
        return bid(bidder, listingId, amount, status, null);
    }

    private List<String> bid(Org bidder, String listingId, String amount, int status, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/listings/" + listingId + "/bids"))
                .header("Authorization", "Bearer " + bidder.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        org.techmarket.support.Api.JSON.writeValueAsString(Map.of("amount", cny(amount)))));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        StatementCounting.Counted counted = StatementCounting.send(request);
        assertThat(counted.response().statusCode())
                .as(counted.response().body())
                .isEqualTo(status);
        return counted.statements();
    }

    private static void report(String what, List<String> statements) {
        System.out.println(StatementCounting.report(what, statements));
    }
}
