package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.now;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Server-Sent Events of one listing: a snapshot, then new prices, the soft-close extension and the close. */
class ListingEventsIT extends IntegrationTest {

    @Autowired
    Closing closing;

    @Test
    void aSubscriberSeesEachNewPriceTheExtensionAndTheClose() throws Exception {
        Market market = new Market(api, fixtures);
        var english = Market.english("1000.00", "100.00", "0.00", now(), now().plus(Duration.ofMinutes(10)));
        english.put("extendWindowSeconds", 3600);
        english.put("extendBySeconds", 1200);
        String id = market.publish(market.seller(), assignment(), english);
        Org watcher = fixtures.verifiedOrg("ENTERPRISE");

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/listings/" + id + "/events"))
                .header("Authorization", "Bearer " + watcher.token())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> stream = http.send(subscribe, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body()
                .filter(line -> line.startsWith("event:"))
                .forEach(line -> events.add(line.substring(6).trim())));

        awaitEvent(events, "snapshot");
        assertThat(market.bid(market.bidder("5000.00"), id, "1000.00").status()).isEqualTo(201);
        awaitEvent(events, "price");
        awaitEvent(events, "extension");
        assertThat(closing.close(id, Instant.now().plus(Duration.ofHours(1)))).isTrue();
        awaitEvent(events, "close");
        reading.get(10, TimeUnit.SECONDS);
        assertThat(events).startsWith("snapshot").endsWith("close");

        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/listings/" + id + "/events"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void awaitEvent(List<String> events, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!events.contains(name) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(events).as("events so far").contains(name);
    }
}
