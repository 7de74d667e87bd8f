package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.now;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.StatementCounting;

/**
 * How many SQL statements a bid costs on the server, from the first filter to the response: the write path's
 * round trips, each one a cost every bid pays under load. The bounds are today's counts; a change that adds a
 * statement to every bid fails here and has to say why.
 */
@Import(StatementCounting.Configuration.class)
class BidStatementsIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

        List<String> first = bid(alice, id, "1000.00", 201);
        List<String> rival = bid(bob, id, "1100.00", 201);
        List<String> again = bid(alice, id, "1200.00", 201);
        List<String> refused = bid(bob, id, "1200.00", 409);
        List<String> keyed = bid(bob, id, "1400.00", 201, Fixtures.unique("key"));

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
     * on it, the asset ownership check, the deposit's hold (accounts locked, created once, posted, the hold), the
     * bidder joined, the bid, the listing's audit events, its event publications and the listing stored.
     */
    private static final int FIRST = 18;

    /** As the first, without the ownership check, the deposit and joining. */
    private static final int NEXT = 9;

    /** Authentication, the organization, and the listing locked with the bidder's place: then refused. */
    private static final int REFUSED = 4;

    /** The key's lock, the earlier response looked up, and the response stored. */
    private static final int KEY = 3;

    private List<String> bid(Org bidder, String listingId, String amount, int status) throws Exception {
        return bid(bidder, listingId, amount, status, null);
    }

    private List<String> bid(Org bidder, String listingId, String amount, int status, String idempotencyKey)
            throws Exception {
        String key = Fixtures.unique("bid-statements");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/listings/" + listingId + "/bids"))
                .header("Authorization", "Bearer " + bidder.token())
                .header("Content-Type", "application/json")
                .header(StatementCounting.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(
                        org.techmarket.support.Api.JSON.writeValueAsString(Map.of("amount", cny(amount)))));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        // The count is kept as the request leaves the filters, which can be just after its response reached us.
        Eventually.await(
                "the bid's count",
                Duration.ofSeconds(10),
                () -> StatementCounting.of(key).isPresent());
        return StatementCounting.statementsOf(key);
    }

    private static void report(String what, List<String> statements) {
        System.out.println("== " + what + ": " + statements.size() + " statements");
        statements.forEach(s -> System.out.println("   " + s));
    }
}
