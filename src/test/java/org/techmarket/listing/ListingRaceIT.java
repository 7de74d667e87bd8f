package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * Many bidders racing on one listing through HTTP: no bid is lost or counted twice, exactly one bidder wins, the
 * ledger stays balanced and every loser gets their deposit back; the first taker of a Dutch or fixed price wins alone.
 */
class ListingRaceIT extends IntegrationTest {

    private static final int BIDDERS = 12;
    private static final int BIDS_EACH = 6;

    @Autowired
    Closing closing;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    @Test
    void twelveBiddersRacingOnOneEnglishAuctionLoseNoBidAndLeaveOneWinner() throws Exception {
        String id = market.publish(
                market.seller(),
                assignment(),
                english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
        List<Org> bidders = new ArrayList<>();
        for (int i = 0; i < BIDDERS; i++) {
            bidders.add(market.bidder("100000.00"));
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refusedLow = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        race(BIDDERS, worker -> {
            Org me = bidders.get(worker);
            for (int round = 0; round < BIDS_EACH; round++) {
                Api.Response seen = market.get(id, me.token());
                long minimum =
                        Math.round(seen.json().path("minimumBid").path("amount").asDouble(1000.0) * 100);
                long offer = minimum + (worker * 7L + round) % 3 * 1000;
                Api.Response bid = market.bid(me, id, String.format("%d.%02d", offer / 100, offer % 100));
                if (bid.status() == 201) {
                    accepted.incrementAndGet();
                } else if ("BID_BELOW_MINIMUM".equals(bid.code()) || "MAXIMUM_NOT_RAISED".equals(bid.code())) {
                    refusedLow.incrementAndGet();
                } else {
                    unexpected.add(bid.status() + " " + bid.text());
                }
            }
            return null;
        });
        assertThat(unexpected).isEmpty();
        assertThat(accepted.get() + refusedLow.get()).isEqualTo(BIDDERS * BIDS_EACH);
        Api.Response open = market.get(id, ADMIN_TOKEN);
        assertThat(open.json().path("bidCount").asLong()).isEqualTo(accepted.get());
        Api.Response history = api.get("/api/v1/listings/" + id + "/bids?limit=200", ADMIN_TOKEN);
        assertThat(history.json().path("items").size()).isEqualTo(accepted.get());
        // Bids decided on the listing as read are stored only if it is unchanged: each took the next place, none
        // overwrote another.
        long sequence = 0;
        for (var item : history.json().path("items")) {
            assertThat(item.path("sequence").asLong()).isEqualTo(++sequence);
        }

        assertThat(closing.close(id, Instant.now().plus(Duration.ofHours(2)))).isTrue();
        Api.Response closed = market.get(id, ADMIN_TOKEN);
        assertThat(closed.text("status")).isEqualTo("AWARDED");
        String winner = closed.json().path("award").path("winnerId").asString();
        int winners = 0;
        for (Org bidder : bidders) {
            String[] balances = market.balances(bidder);
            if (bidder.id().equals(winner)) {
                winners++;
                assertThat(balances).containsExactly("99500.00", "500.00");
            } else {
                assertThat(balances).as("every loser's deposit is released").containsExactly("100000.00", "0.00");
            }
        }
        assertThat(winners).isEqualTo(1);
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void biddersWhoseBidsWaitTogetherAreCommittedInGroupsAndLoseNoAcknowledgedBid() throws Exception {
        String id = market.publish(
                market.seller(),
                assignment(),
                english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
        List<Org> bidders = new ArrayList<>();
        long opening = 100_000;
        for (int i = 0; i < BIDDERS; i++) {
            Org bidder = market.bidder("100000.00");
            bidders.add(bidder);
            // Each joins with a first bid of its own (a first bid holds the deposit, alone), so that the race below
            // is of next bids, which wait for one another's commits.
            long first = opening + i * 1000L;
            assertThat(market.bid(bidder, id, yuan(first)).status()).isEqualTo(201);
        }
        long minimum = opening + BIDDERS * 1000L;
        Map<String, Long> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Connection holder = holdOrganizations(bidders)) {
            // The bidders' organizations are held while the racers arrive: the first group waits for them (a group
            // share-locks its bidders' organizations first), and the others gather behind it, to be committed together
            // once it is let go.
            ExecutorService pool = Executors.newFixedThreadPool(BIDDERS);
            List<Future<?>> racers = new ArrayList<>();
            for (int w = 0; w < BIDDERS; w++) {
                int worker = w;
                racers.add(pool.submit(() -> {
                    long offer = minimum + worker * 1000L;
                    Api.Response bid = market.bid(bidders.get(worker), id, yuan(offer));
                    if (bid.status() == 201) {
                        acknowledged.put(bid.text("bidId"), offer);
                    } else if (!"BID_BELOW_MINIMUM".equals(bid.code())) {
                        unexpected.add(bid.status() + " " + bid.text());
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(this::groupWaitingForOrganizations);
            Thread.sleep(2000);
            holder.rollback();
            for (Future<?> racer : racers) {
                racer.get();
            }
            pool.shutdown();
        }
        assertThat(unexpected).isEmpty();
        assertThat(acknowledged).isNotEmpty();
        // Bids stored by one transaction share its id: some group held more than one bid.
        Long grouped = jdbc.sql("select count(*) - count(distinct xmin::text) from listing_bid where listing_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(grouped).isPositive();

        Api.Response history = api.get("/api/v1/listings/" + id + "/bids?limit=200", ADMIN_TOKEN);
        Map<String, Long> stored = new java.util.HashMap<>();
        long sequence = 0;
        for (var item : history.json().path("items")) {
            assertThat(item.path("sequence").asLong()).isEqualTo(++sequence);
            stored.put(
                    item.path("bidId").asString(),
                    Math.round(item.path("amount").path("amount").asDouble() * 100));
        }
        long bids = sequence;
        assertThat(bids).isEqualTo(BIDDERS + acknowledged.size());
        assertThat(market.get(id, ADMIN_TOKEN).json().path("bidCount").asLong()).isEqualTo(sequence);
        assertThat(stored).containsAllEntriesOf(acknowledged);

        // Every accepted bid is in the verified log, once.
        AuditTrail trail = new AuditTrail(api, ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> trail.types(0, "listing:" + id).stream()
                                .filter("BidPlaced"::equals)
                                .count()
                        == bids);

        assertThat(closing.close(id, Instant.now().plus(Duration.ofHours(2)))).isTrue();
        Api.Response closed = market.get(id, ADMIN_TOKEN);
        assertThat(closed.text("status")).isEqualTo("AWARDED");
        String winner = closed.json().path("award").path("winnerId").asString();
        assertThat(bidders.stream().filter(b -> b.id().equals(winner))).hasSize(1);
        for (Org bidder : bidders) {
            if (!bidder.id().equals(winner)) {
                assertThat(market.balances(bidder))
                        .as("every loser's deposit is released")
                        .containsExactly("100000.00", "0.00");
            }
        }
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void bidsOnDifferentListingsThatWaitTogetherAreCommittedInOneTransactionEachTellingTheBidderItOutbid()
            throws Exception {
        int listings = 6;
        List<String> ids = new ArrayList<>();
        List<Org> racers = new ArrayList<>();
        List<Org> outbid = new ArrayList<>();
        for (int i = 0; i < listings; i++) {
            String id = market.publish(
                    market.seller(),
                    assignment(),
                    english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
            ids.add(id);
            Org racer = market.bidder("100000.00");
            Org leader = market.bidder("100000.00");
            // Both join with a first bid (alone, with its deposit); the leader leads when the race starts.
            assertThat(market.bid(racer, id, "1000.00").status()).isEqualTo(201);
            assertThat(market.bid(leader, id, "1100.00").status()).isEqualTo(201);
            racers.add(racer);
            outbid.add(leader);
        }
        Map<String, String> bidOn = new java.util.concurrent.ConcurrentHashMap<>();
        try (Connection holder = holdOrganizations(racers)) {
            ExecutorService pool = Executors.newFixedThreadPool(listings);
            List<Future<Api.Response>> bids = new ArrayList<>();
            for (int i = 0; i < listings; i++) {
                Org racer = racers.get(i);
                String id = ids.get(i);
                bids.add(pool.submit(() -> market.bid(racer, id, "1200.00")));
            }
            await().atMost(Duration.ofSeconds(30)).until(this::groupWaitingForOrganizations);
            Thread.sleep(2000);
            holder.rollback();
            for (int i = 0; i < listings; i++) {
                Api.Response bid = bids.get(i).get();
                assertThat(bid.status()).as(bid.text()).isEqualTo(201);
                assertThat(bid.json().path("leading").asBoolean()).isTrue();
                bidOn.put(ids.get(i), bid.text("bidId"));
            }
            pool.shutdown();
        }
        // Bids stored by one transaction share its id: bids on different listings were committed together.
        Long transactions = jdbc.sql("select count(distinct xmin::text) from listing_bid where id = any(?)")
                .param(bidOn.values().toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat(transactions).isLessThan(listings);
        for (int i = 0; i < listings; i++) {
            String id = ids.get(i);
            Api.Response listing = market.get(id, ADMIN_TOKEN);
            assertThat(listing.json().path("bidCount").asLong()).isEqualTo(3);
            Api.Response history = api.get("/api/v1/listings/" + id + "/bids", ADMIN_TOKEN);
            assertThat(history.json().path("items").get(2).path("bidId").asString())
                    .isEqualTo(bidOn.get(id));
            // The lead each bid took is told to the bidder it outbid, and kept in the venue's public feed, once.
            assertThat(jdbc.sql("select count(*) from notification where organization_id = ? and subject_id = ?"
                                    + " and kind = 'listing.outbid'")
                            .params(outbid.get(i).id(), id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from venue_public_event where event_ref = ? and type = 'LeadTaken'")
                            .param("bid:" + bidOn.get(id))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
        assertThat(market.ledgerBalanced()).isTrue();
    }

    @Test
    void aSuspendedBiddersBidInAGroupIsRefusedAloneAndTheOthersAreCommitted() throws Exception {
        int racing = 5;
        List<String> ids = new ArrayList<>();
        List<Org> racers = new ArrayList<>();
        for (int i = 0; i <= racing; i++) {
            String id = market.publish(
                    market.seller(),
                    assignment(),
                    english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
            Org racer = market.bidder("100000.00");
            assertThat(market.bid(racer, id, "1000.00").status()).isEqualTo(201);
            ids.add(id);
            racers.add(racer);
        }
        Org suspended = racers.get(racing);
        Api.Response suspension = api.post(
                "/api/v1/organizations/" + suspended.id() + "/suspension",
                ADMIN_TOKEN,
                Map.of("reason", "Unpaid venue fees"));
        assertThat(suspension.status()).as(suspension.text()).isEqualTo(200);
        List<String> accepted = new ArrayList<>();
        Api.Response refused;
        try (Connection holder = holdOrganizations(racers)) {
            ExecutorService pool = Executors.newFixedThreadPool(racing + 1);
            List<Future<Api.Response>> bids = new ArrayList<>();
            for (int i = 0; i < racing; i++) {
                Org racer = racers.get(i);
                String id = ids.get(i);
                bids.add(pool.submit(() -> market.bid(racer, id, "1100.00")));
            }
            await().atMost(Duration.ofSeconds(30)).until(this::groupWaitingForOrganizations);
            Thread.sleep(1000);
            // The suspended bidder's bid arrives last, so it waits with others for the group after the busy ones.
            Future<Api.Response> last = pool.submit(() -> market.bid(suspended, ids.get(racing), "1100.00"));
            Thread.sleep(1000);
            holder.rollback();
            for (Future<Api.Response> bid : bids) {
                Api.Response answer = bid.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.text()).isEqualTo(201);
                accepted.add(answer.text("bidId"));
            }
            refused = last.get(30, java.util.concurrent.TimeUnit.SECONDS);
            pool.shutdown();
        }
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("ORGANIZATION_SUSPENDED");
        assertThat(market.get(ids.get(racing), ADMIN_TOKEN)
                        .json()
                        .path("bidCount")
                        .asLong())
                .isEqualTo(1);
        // The others were committed, some of them together.
        Long transactions = jdbc.sql("select count(distinct xmin::text) from listing_bid where id = any(?)")
                .param(accepted.toArray(String[]::new))
                .query(Long.class)
                .single();
        assertThat(transactions).isLessThan(racing);
        for (int i = 0; i < racing; i++) {
            assertThat(market.get(ids.get(i), ADMIN_TOKEN)
                            .json()
                            .path("bidCount")
                            .asLong())
                    .isEqualTo(2);
        }
    }

    @Test
    void aListingHeldByAnotherTransactionHoldsUpOnlyItsOwnBids() throws Exception {
        // More held listings than groups commit at once: were a group to wait for a held listing, every committer
        // would be waiting and the bid on the free listing would wait too.
        int heldCount = 3;
        Org bidder = market.bidder("100000.00");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < heldCount; i++) {
            String id = market.publish(
                    market.seller(),
                    assignment(),
                    english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
            assertThat(market.bid(bidder, id, "1000.00").status()).isEqualTo(201);
            held.add(id);
        }
        String free = market.publish(
                market.seller(),
                assignment(),
                english("1000.00", "10.00", "500.00", now(), now().plus(Duration.ofHours(1))));
        assertThat(market.bid(bidder, free, "1000.00").status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(heldCount);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("select id from listing where id = any(?) for update")) {
                lock.setArray(1, holder.createArrayOf("text", held.toArray()));
                lock.executeQuery().close();
            }
            List<Future<Api.Response>> waiting = new ArrayList<>();
            for (String id : held) {
                waiting.add(pool.submit(() -> market.bid(bidder, id, "1100.00")));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> waitingForLocks("update listing set state") == heldCount);

            // A group passes the held listings over, so a bid on another listing is answered meanwhile.
            Api.Response other = market.bid(bidder, free, "1100.00");
            assertThat(other.status()).as(other.text()).isEqualTo(201);
            assertThat(waiting).noneMatch(Future::isDone);

            holder.rollback();
            for (Future<Api.Response> bid : waiting) {
                Api.Response answered = bid.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answered.status()).as(answered.text()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : held) {
            assertThat(market.get(id, ADMIN_TOKEN).json().path("bidCount").asLong())
                    .isEqualTo(2);
        }
        assertThat(market.get(free, ADMIN_TOKEN).json().path("bidCount").asLong())
                .isEqualTo(2);
    }

    /** A connection in a transaction that holds the organizations' rows, as a suspension would; rolled back to let go. */
    private Connection holdOrganizations(List<Org> organizations) throws java.sql.SQLException {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock =
                holder.prepareStatement("select id from organization where id = any(?) for no key update")) {
            lock.setArray(
                    1,
                    holder.createArrayOf(
                            "text", organizations.stream().map(Org::id).toArray()));
            lock.executeQuery().close();
        }
        return holder;
    }

    private boolean groupWaitingForOrganizations() {
        return waitingForLocks("from organization where id = any") > 0;
    }

    /** How many connections wait for a lock while running a statement with {@code statement} in its text. */
    private long waitingForLocks(String statement) {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like ? and state = 'active'")
                .param("%" + statement + "%")
                .query(Long.class)
                .single();
    }

    private static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }

    @Test
    void ofManyBuyersRacingForAFixedPriceExactlyOneBuys() throws Exception {
        String id = market.publish(
                market.seller(),
                assignment(),
                mechanism("FIXED_PRICE", "80000.00", "1000.00", now(), now().plus(Duration.ofHours(1))));
        assertFirstTakerWinsAlone(id, "purchase");
    }

    @Test
    void ofManyBiddersRacingToAcceptADutchPriceExactlyOneWins() throws Exception {
        Map<String, Object> dutch = mechanism("DUTCH", "90000.00", "1000.00", now(), now().plus(Duration.ofHours(1)));
        dutch.put("dutch", Map.of("step", cny("1000.00"), "intervalSeconds", 60, "floorPrice", cny("50000.00")));
        String id = market.publish(market.seller(), assignment(), dutch);
        assertThat(market.get(id, ADMIN_TOKEN)
                        .json()
                        .path("currentPrice")
                        .path("amount")
                        .asString())
                .isEqualTo("90000.00");
        assertFirstTakerWinsAlone(id, "acceptance");
    }

    private void assertFirstTakerWinsAlone(String id, String action) throws Exception {
        List<Org> buyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            buyers.add(market.bidder("5000.00"));
        }
        List<Api.Response> answers = race(
                buyers.size(),
                worker -> api.post(
                        "/api/v1/listings/" + id + "/" + action,
                        buyers.get(worker).token(),
                        Map.of()));
        List<Api.Response> won = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(won).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201).map(Api.Response::code))
                .allMatch(code -> code.equals("LISTING_NOT_OPEN"));
        Api.Response sold = market.get(id, ADMIN_TOKEN);
        assertThat(sold.text("status")).isEqualTo("AWARDED");
        String winner = sold.json().path("award").path("winnerId").asString();
        for (Org buyer : buyers) {
            assertThat(market.balances(buyer))
                    .containsExactly(
                            buyer.id().equals(winner)
                                    ? new String[] {"4000.00", "1000.00"}
                                    : new String[] {"5000.00", "0.00"});
        }
        assertThat(market.ledgerBalanced()).isTrue();
    }

    /** Runs one task per worker, all released at once; returns their answers in worker order. */
    private static <T> List<T> race(int workers, Worker<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Callable<T> task = () -> {
                start.await();
                return work.run(worker);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    @FunctionalInterface
    private interface Worker<T> {
        T run(int worker) throws Exception;
    }
}
