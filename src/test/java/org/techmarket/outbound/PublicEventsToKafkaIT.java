package org.techmarket.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techmarket.outbound.domain.PublicEvent;
import org.techmarket.support.Api;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * With a real Kafka broker (KRaft) started by the test, the market's public events go out: every committed one arrives,
 * once per event id, in its topic in the order its subject's transactions committed; a sealed bid's amount never
 * leaves; and while the broker is down the market goes on, its events wait in the event publication registry and
 * arrive, all of them and in order, when the broker is back on the same port with the same log directory.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublicEventsToKafkaIT extends IntegrationTest {

    private static final String PREFIX = "techmarket.";
    private static final KraftBroker BROKER = startBroker();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer serializer;

    private final PublicEventsReader topics = new PublicEventsReader(BROKER.bootstrapServers(), PREFIX);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("techmarket.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("techmarket.kafka.topic-prefix", () -> PREFIX);
    }

    @AfterAll
    static void stopBroker() throws IOException {
        BROKER.close();
    }

    @Test
    void everyCommittedPublicEventArrivesOnceInItsTopicInTheOrderOfItsListing() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org alice = bidder();
        Org bob = bidder();
        String first = openEnglish(seller);
        String second = openEnglish(seller);
        for (int round = 0; round < 4; round++) {
            String amount = (1000 + 100 * round) + ".00";
            bid(round % 2 == 0 ? alice : bob, first, amount);
            bid(round % 2 == 0 ? bob : alice, second, amount);
        }

        for (String listing : List.of(first, second)) {
            Map<String, List<String>> logged = loggedPublicEvents(listing);
            Map<String, List<String>> received = awaitReceived(listing, logged);
            assertThat(received).isEqualTo(logged);
            assertThat(logged.get(PREFIX + "listing.bid-placed.v1")).hasSize(4);
        }
        List<JsonNode> bids = messages(first, PREFIX + "listing.bid-placed.v1");
        assertThat(bids)
                .extracting(m -> m.path("data").path("amount").path("amount").asString())
                .containsExactly("1000.00", "1100.00", "1200.00", "1300.00");
        JsonNode bid = bids.get(0);
        assertThat(bid.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(bid.path("schema").asString()).isEqualTo(PREFIX + "listing.bid-placed.v1");
        assertThat(bid.path("subject").path("type").asString()).isEqualTo("listing");
        assertThat(bid.path("key").asString()).isEqualTo(first);
        assertThat(bid.path("data").path("currency").isMissingNode()).isTrue();
        assertThat(bid.path("data").has("bidderId")).as("who bid stays inside").isFalse();
        awaitPublicationsCompleted();
    }

    @Test
    void aSealedBidsAmountNeverLeavesTheMarket() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org alice = bidder();
        String sealed = publish(
                seller,
                mechanism("SEALED_SECOND_PRICE", Instant.now(), Instant.now().plus(Duration.ofHours(1))));
        bid(alice, sealed, "1777.00");

        Map<String, List<String>> logged = loggedPublicEvents(sealed);
        awaitReceived(sealed, logged);
        List<JsonNode> bids = messages(sealed, PREFIX + "listing.bid-placed.v1");
        assertThat(bids).hasSize(1);
        assertThat(bids.get(0).toString()).doesNotContain("1777");
        assertThat(bids.get(0).path("data").path("bidId").asString()).isNotBlank();
    }

    @Test
    void aBrokerOutageDelaysTheEventsAndLosesNone() {
        Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Org alice = bidder();
        Org bob = bidder();
        String listing = openEnglish(seller);
        bid(alice, listing, "1000.00");
        awaitReceived(listing, loggedPublicEvents(listing));

        BROKER.stop();
        try {
            for (int round = 1; round <= 4; round++) {
                bid(round % 2 == 0 ? alice : bob, listing, (1000 + 100 * round) + ".00");
            }
            assertThat(incompletePublicationsAbout(listing))
                    .as("the events committed while the broker is down wait in the registry")
                    .isPositive();
        } finally {
            BROKER.start();
        }

        Map<String, List<String>> logged = loggedPublicEvents(listing);
        assertThat(logged.get(PREFIX + "listing.bid-placed.v1")).hasSize(5);
        assertThat(awaitReceived(listing, logged)).isEqualTo(logged);
        assertThat(messages(listing, PREFIX + "listing.bid-placed.v1"))
                .extracting(m -> m.path("data").path("amount").path("amount").asString())
                .containsExactly("1000.00", "1100.00", "1200.00", "1300.00", "1400.00");
        awaitPublicationsCompleted();
    }

    @Test
    void aBatchOfPublicEventsSurvivesTheEventRegistrysSerializer() {
        PublicEventsCommitted batch = new PublicEventsCommitted(
                "batch-1",
                List.of(
                        new PublicEventsCommitted.OutboundMessage(
                                "techmarket.listing.opened.v1", "listing-1", "{\"a\":1}"),
                        new PublicEventsCommitted.OutboundMessage(
                                "techmarket.listing.bid-placed.v1", "listing-1", "{}")));

        Object stored = serializer.serialize(batch);

        assertThat(serializer.deserialize(stored, PublicEventsCommitted.class)).isEqualTo(batch);
    }

    /** The public events the log holds about the listing, by topic, each topic's event ids in the log's order. */
    private Map<String, List<String>> loggedPublicEvents(String listing) {
        List<String> types = jdbc.sql("select type from audit_event where subject = ? order by id")
                .param("listing:" + listing)
                .query(String.class)
                .list();
        Map<String, List<String>> byTopic = new LinkedHashMap<>();
        for (String type : types) {
            PublicEvent.ofType(type)
                    .ifPresent(event -> byTopic.computeIfAbsent(
                                    PREFIX + event.topicName(), t -> new java.util.ArrayList<>())
                            .add(type));
        }
        return byTopic;
    }

    /**
     * Waits until the listing's messages number what the log holds, then gives them by topic as their types, in the
     * order the topic holds them; each event id is received once.
     */
    private Map<String, List<String>> awaitReceived(String listing, Map<String, List<String>> logged) {
        long expected = logged.values().stream().mapToLong(List::size).sum();
        Eventually.await(
                "the listing's " + expected + " public events in Kafka",
                Duration.ofSeconds(60),
                () -> about(listing).size() >= expected);
        List<JsonNode> received = about(listing);
        assertThat(received.stream().map(m -> m.path("eventId").asString()).distinct())
                .hasSize(received.size());
        return received.stream()
                .collect(Collectors.groupingBy(
                        m -> m.path("schema").asString(),
                        LinkedHashMap::new,
                        Collectors.mapping(m -> m.path("type").asString(), Collectors.toList())));
    }

    private List<JsonNode> messages(String listing, String topic) {
        return about(listing).stream()
                .filter(m -> topic.equals(m.path("schema").asString()))
                .toList();
    }

    /** The messages keyed by the listing, each topic's in the order the topic holds them. */
    private List<JsonNode> about(String listing) {
        return topics.all().stream()
                .filter(record -> listing.equals(record.key()))
                .map(ConsumerRecord::value)
                .map(Api.JSON::readTree)
                .toList();
    }

    private long incompletePublicationsAbout(String listing) {
        return jdbc.sql("select count(*) from event_publication where event_type = ? and completion_date is null"
                        + " and serialized_event like ?")
                .params(PublicEventsCommitted.class.getName(), "%" + listing + "%")
                .query(Long.class)
                .single();
    }

    private void awaitPublicationsCompleted() {
        Eventually.await(
                "every batch of public events delivered",
                Duration.ofSeconds(60),
                () -> jdbc.sql("select count(*) from event_publication where event_type = ?"
                                        + " and completion_date is null")
                                .param(PublicEventsCommitted.class.getName())
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private Org bidder() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(org, "100000.00");
        return org;
    }

    private String openEnglish(Org seller) {
        Map<String, Object> english =
                mechanism("ENGLISH", Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        english.put("increment", cny("100.00"));
        return publish(seller, english);
    }

    private String publish(Org seller, Map<String, Object> mechanism) {
        Api.Response asset =
                fixtures.registerAsset(seller, Fixtures.patentAsset(seller.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("assetIds", List.of(asset.text("id")));
        listing.put("offer", Map.of("type", "ASSIGNMENT"));
        listing.put("mechanism", mechanism);
        listing.put("title", "Sparse-sensor training method");
        listing.put("description", "A granted invention patent with a working prototype.");
        return fixtures.publishListing(seller, listing);
    }

    private static Map<String, Object> mechanism(String type, Instant startsAt, Instant endsAt) {
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", type);
        mechanism.put("startPrice", cny("1000.00"));
        mechanism.put("deposit", cny("100.00"));
        mechanism.put("startsAt", startsAt.truncatedTo(ChronoUnit.MILLIS).toString());
        mechanism.put("endsAt", endsAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return mechanism;
    }

    private void bid(Org bidder, String listing, String amount) {
        Api.Response bid =
                api.post("/api/v1/listings/" + listing + "/bids", bidder.token(), Map.of("amount", cny(amount)));
        assertThat(bid.status()).as(bid.text()).isEqualTo(201);
    }

    private static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    private static KraftBroker startBroker() {
        try {
            KraftBroker broker = new KraftBroker();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
