package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;
import static org.techmarket.support.IntegrationTest.ADMIN_TOKEN;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.audit.domain.LogKey;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.Race;
import org.techmarket.support.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the market, each the packaged jar in a JVM of its own, on one PostgreSQL that the test starts, started
 * at the same moment. Bids and purchases race across both: each listing closes once and each sale opens one deal; a
 * bid taken by one node reaches the live streams served by the other within a second; holds and grants come due and
 * expire once, however many nodes run the jobs. Then one node is killed as {@code kill -9} would while both take bids:
 * no acknowledged bid is lost, and the other node goes on closing listings and opening their deals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(1);
    private static final int BIDDERS = 6;

    @TempDir
    static Path dir;

    private EmbeddedPostgres postgres;
    private final List<ServerProcess> nodes = new ArrayList<>();
    private Api nodeA;
    private Api nodeB;
    private JdbcClient database;
    private Fixtures fixtures;
    private Market market;
    private Org seller;
    private List<Org> bidders;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
        database = JdbcClient.create(postgres.getPostgresDatabase());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Path jar = ServerProcess.packagedJar();
        // What every node of one market must share: the log's signing key and the key sealing signing keys.
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Map<String, String> shared = Map.of(
                "TECHMARKET_LOG_SIGNING_KEY",
                        LogKey.generate("techmarket.example/log").stored(),
                "TECHMARKET_DEAL_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(kek));
        List<String> briskJobs = List.of(
                "--techmarket.ledger.hold-expiry-interval=PT0.5S",
                "--techmarket.rights.grant-expiry-interval=PT0.5S",
                "--techmarket.events.resubmission-interval=PT1S",
                "--techmarket.events.resubmit-after=PT2S",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--techmarket.observatory.warm-up=false");
        ExecutorService starting = Executors.newFixedThreadPool(2);
        List<Future<ServerProcess>> started = Stream.of("a", "b")
                .map(name -> starting.submit(() -> ServerProcess.node(jar, url, dir.resolve(name), shared, briskJobs)))
                .toList();
        starting.shutdown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<ServerProcess> node : started) {
            try {
                nodes.add(node.get());
            } catch (ExecutionException failed) {
                failures.add(failed.getCause());
            }
        }
        assertThat(failures)
                .as("both nodes start at once on one empty database")
                .isEmpty();
        nodeA = nodes.get(0).api();
        nodeB = nodes.get(1).api();
        fixtures = new Fixtures(nodeA);
        market = new Market(nodeA, fixtures);
        seller = fixtures.verifiedOrg("UNIVERSITY");
        bidders = new ArrayList<>();
        for (int i = 0; i < BIDDERS; i++) {
            bidders.add(market.bidder("100000.00"));
        }
    }

    @AfterAll
    void stopNodesAndDatabase() throws IOException {
        nodes.forEach(ServerProcess::stop);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void eachListingClosesOnceAndEachSaleOpensOneDealWhicheverNodeTookItsBids() throws Exception {
        List<String> fixedPrice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fixedPrice.add(publish(mechanism("FIXED_PRICE", "900.00", "0.00", now(), now().plusSeconds(3600))));
        }
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String listing = publish(english(now().plusSeconds(8)));
            auctions.add(listing);
            Race.race(BIDDERS, worker -> () -> {
                for (int round = 0; round < 2; round++) {
                    Api.Response bid = bidAtMinimum(node(worker + round), bidders.get(worker), listing, worker);
                    if (bid.status() == 201) {
                        acknowledged
                                .computeIfAbsent(listing, id -> ConcurrentHashMap.newKeySet())
                                .add(bid.text("bidId"));
                    } else if (!Set.of("BID_BELOW_MINIMUM", "MAXIMUM_NOT_RAISED", "AUCTION_ENDED")
                            .contains(bid.code())) {
                        unexpected.add(bid.status() + " " + bid.text());
                    }
                }
                return null;
            });
        }
        assertThat(unexpected).isEmpty();
        for (String listing : fixedPrice) {
            List<Api.Response> answers = Race.race(
                    BIDDERS,
                    worker -> () -> node(worker)
                            .post(
                                    "/api/v1/listings/" + listing + "/purchase",
                                    bidders.get(worker).token(),
                                    Map.of()));
            assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
            assertThat(answers.stream().filter(a -> a.status() != 201).map(Api.Response::code))
                    .allMatch("LISTING_NOT_OPEN"::equals);
        }

        for (String listing : auctions) {
            awaitStatus(nodeB, listing, "AWARDED");
            assertThat(storedBids(listing))
                    .as("every acknowledged bid, and only those, is stored")
                    .containsExactlyInAnyOrderElementsOf(acknowledged.get(listing));
        }
        List<String> sold =
                Stream.concat(auctions.stream(), fixedPrice.stream()).toList();
        assertThat(auditCounts("ListingAwarded", sold, "listing:")).containsOnly(1);
        awaitOneDealEach(sold);
        assertThat(ledgerBalanced()).isTrue();
    }

    @Test
    @Order(2)
    void aBidTakenByOneNodeReachesTheLiveStreamsOfTheOtherWithinASecond() throws Exception {
        String listing = publish(english(now().plusSeconds(3600)));
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(
                        URI.create(nodeB.base() + "/api/v1/listings/" + listing + "/events"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build();
        var stream = http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("event:"))
                        .forEach(line ->
                                events.add(line.substring("event:".length()).strip())));
        try {
            assertThat(events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("snapshot");
            for (int worker = 0; worker < 3; worker++) {
                Api.Response bid = bidAtMinimum(nodeA, bidders.get(worker), listing, 0);
                long acknowledgedAt = System.nanoTime();
                assertThat(bid.status()).as(bid.text()).isEqualTo(201);
                String event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                Duration after = Duration.ofNanos(System.nanoTime() - acknowledgedAt);
                assertThat(event).isEqualTo("price");
                assertThat(after).as("the bid reached node B's stream").isLessThanOrEqualTo(LIVE_WITHIN);
            }
        } finally {
            stream.cancel(true);
        }
    }

    /**
     * Each node feeds its own search index from the database's change feed: an asset registered through node A is
     * found on both nodes within 2 s of its commit, and both nodes answer a search alike (the same total and facet
     * counts; the same items where the order is decided by relevance alone).
     */
    @Test
    @Order(3)
    void anAssetRegisteredOnOneNodeIsFoundOnBothWithinTwoSecondsAndBothAnswerAlike() {
        String word = "quasar"
                + new SecureRandom()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Map<String, Object> body = Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber());
        body.put("title", "Coating of " + word + " for solid-state battery cells");
        Api.Response registered = fixtures.registerAsset(seller, body);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        long committedAt = System.nanoTime();
        String asset = registered.text("id");
        String query = "/api/v1/search?q=" + word;
        Map<Api, Duration> foundAfter = new ConcurrentHashMap<>();
        Eventually.await("both nodes find " + word, PATIENCE, () -> {
            for (Api node : List.of(nodeA, nodeB)) {
                if (!foundAfter.containsKey(node) && hitIds(node, query).contains(asset)) {
                    foundAfter.put(node, Duration.ofNanos(System.nanoTime() - committedAt));
                }
            }
            return foundAfter.size() == 2;
        });
        assertThat(foundAfter.values())
                .as("searchable on every node within 2 s of the commit")
                .allSatisfy(after -> assertThat(after).isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(hitIds(nodeB, query)).containsExactly(asset).isEqualTo(hitIds(nodeA, query));
        for (String broad : List.of("/api/v1/search?q=battery", "/api/v1/search?q=neural+network&limit=50")) {
            JsonNode onA = nodeA.get(broad, null).json();
            JsonNode onB = nodeB.get(broad, null).json();
            assertThat(onB.path("total").asLong())
                    .as(broad)
                    .isEqualTo(onA.path("total").asLong())
                    .isPositive();
            assertThat(onB.path("facets")).as(broad + " facets").isEqualTo(onA.path("facets"));
            if (onA.path("total").asLong() <= ids(onA).size()) {
                // one page holds every hit, so ties in relevance cannot order different items onto it
                assertThat(ids(onB)).as(broad + " items").containsExactlyInAnyOrderElementsOf(ids(onA));
            }
        }
    }

    private static List<String> hitIds(Api node, String query) {
        Api.Response found = node.get(query, null);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return ids(found.json());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    /**
     * No call of the API gives a hold a deadline yet, so the test gives the deposits of one listing a deadline that
     * has passed in the database, as the ledger stores a hold that has one; and it moves the term of fresh licences
     * into the past, as if they had run out while nobody looked.
     */
    @Test
    @Order(4)
    void holdsAndGrantsThatComeDueExpireOnceWithBothNodesRunningTheJobs() throws Exception {
        String listing = publish(english(now().plusSeconds(3600)));
        List<String> heldBefore = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            heldBefore.add(market.balances(bidders.get(worker))[1]);
            Api.Response bid = bidAtMinimum(node(worker), bidders.get(worker), listing, 0);
            assertThat(bid.status()).as(bid.text()).isEqualTo(201);
        }
        String asset = registerAsset(seller);
        Org licensee = fixtures.verifiedOrg("ENTERPRISE");
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api.Response grant = node(i).post(
                            "/api/v1/assets/" + asset + "/grants", seller.token(), Fixtures.yearLicence(licensee.id()));
            assertThat(grant.status()).as(grant.text()).isEqualTo(201);
            grants.add(grant.text("id"));
        }

        List<String> holds = database.sql("select id from ledger_hold where cause = ? and status = 'ACTIVE'")
                .param("listing:" + listing)
                .query(String.class)
                .list();
        assertThat(holds).hasSize(4);
        database.sql("update ledger_hold set deadline = now() - interval '1 second' where id = any(?)")
                .param(holds.toArray(String[]::new))
                .update();
        database.sql("update rights_grant set starts_on = current_date - 30, ends_on = current_date - 1"
                        + " where id = any(?)")
                .param(grants.toArray(String[]::new))
                .update();

        Eventually.await(
                "the holds expired",
                PATIENCE,
                () -> database.sql("select count(*) from ledger_hold where id = any(?) and status = 'EXPIRED'")
                                .param(holds.toArray(String[]::new))
                                .query(Integer.class)
                                .single()
                        == holds.size());
        Eventually.await(
                "the grants expired",
                PATIENCE,
                () -> database.sql("select count(*) from rights_grant where id = any(?) and status = 'EXPIRED'")
                                .param(grants.toArray(String[]::new))
                                .query(Integer.class)
                                .single()
                        == grants.size());
        assertThat(auditCounts("HoldExpired", holds, "hold:")).containsOnly(1);
        assertThat(auditCounts("GrantExpired", grants, "grant:")).containsOnly(1);
        for (int worker = 0; worker < 4; worker++) {
            assertThat(market.balances(bidders.get(worker))[1])
                    .as("each deposit given back once")
                    .isEqualTo(heldBefore.get(worker));
        }
        assertThat(ledgerBalanced()).isTrue();
    }

    @Test
    @Order(5)
    void killingOneNodeLosesNoAcknowledgedBidAndTheOtherGoesOnClosing() throws Exception {
        List<String> auctions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            auctions.add(publish(english(now().plusSeconds(3600))));
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean bidding = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(BIDDERS);
        for (int w = 0; w < BIDDERS; w++) {
            int worker = w;
            clients.submit(() -> {
                Api node = node(worker);
                for (int n = 0; bidding.get(); n++) {
                    String listing = auctions.get(n % auctions.size());
                    try {
                        Api.Response bid = bidAtMinimum(node, bidders.get(worker), listing, worker);
                        if (bid.status() == 201) {
                            acknowledged.put(bid.text("bidId"), listing);
                        }
                    } catch (RuntimeException nodeGone) {
                        return;
                    }
                }
            });
        }
        Eventually.await("both nodes took bids", PATIENCE, () -> acknowledged.size() >= 40);
        nodes.get(1).kill();
        long afterKill = acknowledged.size();
        Eventually.await("node A still takes bids", PATIENCE, () -> acknowledged.size() >= afterKill + 10);
        bidding.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<String> stored = database.sql("select id from listing_bid where listing_id = any(?)")
                .param(auctions.toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(stored).as("no acknowledged bid is lost").containsAll(acknowledged.keySet());
        for (String listing : auctions) {
            Api.Response open = market.get(listing, ADMIN_TOKEN);
            assertThat(open.json().path("bidCount").asInt())
                    .isEqualTo(storedBids(listing).size());
        }

        List<String> closing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String listing = publish(english(now().plusSeconds(5)));
            Api.Response bid = bidAtMinimum(nodeA, bidders.get(i), listing, 0);
            assertThat(bid.status()).as(bid.text()).isEqualTo(201);
            closing.add(listing);
        }
        for (String listing : closing) {
            awaitStatus(nodeA, listing, "AWARDED");
        }
        assertThat(auditCounts("ListingAwarded", closing, "listing:")).containsOnly(1);
        awaitOneDealEach(closing);
        Eventually.await(
                "node A delivered what node B left undelivered",
                PATIENCE,
                () -> database.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single()
                        == 0);
        assertThat(ledgerBalanced()).isTrue();
    }

    private Api node(int n) {
        return n % 2 == 0 ? nodeA : nodeB;
    }

    /** An English auction opening now and ending at {@code ends}, without a soft close. */
    private static Map<String, Object> english(Instant ends) {
        Map<String, Object> english = Market.english("100.00", "1.00", "10.00", now(), ends);
        english.put("extendWindowSeconds", 0);
        return english;
    }

    /** Published by the seller, each listing of an asset of its own, so that no sale of one listing ends another. */
    private String publish(Map<String, Object> mechanism) {
        return market.publish(new Market.Seller(seller, registerAsset(seller)), assignment(), mechanism);
    }

    private String registerAsset(Org owner) {
        Api.Response asset =
                fixtures.registerAsset(owner, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        return asset.text("id");
    }

    /** A bid at the listing's minimum as {@code node} tells it, plus {@code extra} fen. */
    private static Api.Response bidAtMinimum(Api node, Org bidder, String listing, int extra) {
        Api.Response seen = node.get("/api/v1/listings/" + listing, bidder.token());
        long minimum = Math.round(seen.json().path("minimumBid").path("amount").asDouble(100.0) * 100) + extra;
        return node.post(
                "/api/v1/listings/" + listing + "/bids",
                bidder.token(),
                Map.of("amount", cny(String.format("%d.%02d", minimum / 100, minimum % 100))));
    }

    private static void awaitStatus(Api node, String listing, String status) {
        Eventually.await(
                listing + " " + status,
                PATIENCE,
                () -> status.equals(
                        node.get("/api/v1/listings/" + listing, ADMIN_TOKEN).text("status")));
    }

    private List<String> storedBids(String listing) {
        return database.sql("select id from listing_bid where listing_id = ?")
                .param(listing)
                .query(String.class)
                .list();
    }

    /** How many events of {@code type} the log holds for each subject, in the order of {@code ids}. */
    private List<Integer> auditCounts(String type, List<String> ids, String prefix) {
        return ids.stream()
                .map(id -> database.sql("select count(*) from audit_event where type = ? and subject = ?")
                        .params(type, prefix + id)
                        .query(Integer.class)
                        .single())
                .toList();
    }

    /** Each sold listing opens one deal, logged as opened once. */
    private void awaitOneDealEach(List<String> listings) {
        String[] causes = listings.stream().map(id -> "listing:" + id).toArray(String[]::new);
        Eventually.await(
                "a deal for every sale",
                PATIENCE,
                () -> database.sql("select count(*) from deal where cause = any(?)")
                                .param(causes)
                                .query(Integer.class)
                                .single()
                        == listings.size());
        List<Integer> openings =
                database.sql("""
                        select count(a.id) from deal d
                        left join audit_event a on a.subject = 'deal:' || d.id and a.type = 'DealOpened'
                        where d.cause = any(?) group by d.id""").param(causes).query(Integer.class).list();
        assertThat(openings).hasSize(listings.size()).containsOnly(1);
    }

    private boolean ledgerBalanced() {
        Api.Response check = nodeA.get("/api/v1/ledger/balance-check", ADMIN_TOKEN);
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        return check.json().path("balanced").asBoolean();
    }
}
