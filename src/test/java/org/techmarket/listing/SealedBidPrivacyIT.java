package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * Until a sealed listing closes, nothing a non-bidder sees moves with bids — the listing, the catalogue, the bid
 * history and the live stream read the same before and after another's bid — and a bidder sees only its own bids,
 * numbered among its own. After the close everything is shown.
 */
class SealedBidPrivacyIT extends IntegrationTest {

    @Autowired
    Closing closing;

    private Market market;

    @BeforeEach
    void market() {
        market = new Market(api, fixtures);
    }

    @Test
    void aNonBiddersViewsAreTheSameBeforeAndAfterAnotherSealedBid() throws Exception {
        for (String type : new String[] {"SEALED_FIRST_PRICE", "SEALED_SECOND_PRICE"}) {
            String id = market.publish(
                    market.seller(),
                    assignment(),
                    mechanism(type, "10000.00", "1000.00", now(), now().plus(Duration.ofHours(1))));
            Org watcher = market.bidder("1000.00");
            Org bidder = market.bidder("50000.00");

            List<String> before = nonBidderViews(id, watcher);
            List<String> streamed = new CopyOnWriteArrayList<>();
            AutoCloseable watching = watch(id, watcher, streamed);
            awaitLines(streamed, 1);
            assertThat(market.bid(bidder, id, "20000.00").status()).isEqualTo(201);
            assertThat(market.bid(bidder, id, "21000.00").status())
                    .as("replaced")
                    .isEqualTo(201);
            List<String> after = nonBidderViews(id, watcher);

            assertThat(after)
                    .as(type + ": listing, catalogue, bids and stream snapshot")
                    .isEqualTo(before);
            Thread.sleep(2_000);
            assertThat(streamed)
                    .as(type + ": the open stream sends nothing after the bids")
                    .containsExactly("event:snapshot");
            watching.close();
        }
    }

    @Test
    void aBidderSeesOnlyItsOwnBidsNumberedAmongItsOwn() {
        String id = market.publish(
                market.seller(),
                assignment(),
                mechanism("SEALED_FIRST_PRICE", "10000.00", "1000.00", now(), now().plus(Duration.ofHours(1))));
        Org first = market.bidder("50000.00");
        Org second = market.bidder("50000.00");
        assertThat(market.bid(first, id, "20000.00").status()).isEqualTo(201);
        assertThat(market.bid(first, id, "22000.00").status()).isEqualTo(201);
        assertThat(market.bid(second, id, "15000.00").status()).isEqualTo(201);

        Api.Response own = api.get("/api/v1/listings/" + id + "/bids", second.token());
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        var items = own.json().path("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).path("sequence").asLong())
                .as("its first bid, whatever came before")
                .isEqualTo(1);
        assertThat(items.get(0).path("bidder").isNull())
                .as("no bidder number before the close")
                .isTrue();
        assertThat(items.get(0).path("mine").asBoolean()).isTrue();
        assertThat(own.text())
                .doesNotContain("20000.00")
                .doesNotContain("22000.00")
                .doesNotContain("Bidder");
        Api.Response firstOwn = api.get("/api/v1/listings/" + id + "/bids", first.token());
        assertThat(amounts(firstOwn)).containsExactly("20000.00", "22000.00");
        assertThat(firstOwn.json().path("items").findValues("sequence").stream().map(n -> n.asLong()))
                .containsExactly(1L, 2L);
        Api.Response paged = api.get("/api/v1/listings/" + id + "/bids?after=1", first.token());
        assertThat(amounts(paged)).containsExactly("22000.00");
        Api.Response seen = market.get(id, second.token());
        assertThat(seen.json().path("version").asLong())
                .isEqualTo(market.get(id, ADMIN_TOKEN).json().path("version").asLong());

        long versionBeforeClose = seen.json().path("version").asLong();
        assertThat(closing.close(id, Instant.now().plus(Duration.ofHours(2)))).isTrue();
        Api.Response closed = market.get(id, second.token());
        assertThat(closed.json().path("version").asLong())
                .as("the close is news")
                .isGreaterThan(versionBeforeClose);
        assertThat(closed.json().path("bidCount").asLong()).isEqualTo(2);
        Api.Response all = api.get("/api/v1/listings/" + id + "/bids", second.token());
        assertThat(all.json().path("items").findValuesAsString("bidder"))
                .containsExactly("Bidder 1", "Bidder 1", "Bidder 2");
        assertThat(all.json().path("items").findValues("sequence").stream().map(n -> n.asLong()))
                .containsExactly(1L, 2L, 3L);
    }

    private static List<String> amounts(Api.Response bids) {
        List<String> amounts = new ArrayList<>();
        bids.json()
                .path("items")
                .forEach(item -> amounts.add(item.path("amount").path("amount").asString()));
        return amounts;
    }

    /** What the watcher sees: the listing with its headers, the catalogue page, the bid history and the snapshot. */
    private List<String> nonBidderViews(String id, Org watcher) throws Exception {
        List<String> views = new ArrayList<>();
        Api.Response listing = market.get(id, watcher.token());
        assertThat(listing.status()).isEqualTo(200);
        views.add(listing.text());
        views.add(String.valueOf(listing.header("ETag")));
        Api.Response catalogue = api.get(
                "/api/v1/listings?status=OPEN&limit=100&mechanism="
                        + listing.json().path("mechanism").path("type").asString(),
                watcher.token());
        assertThat(catalogue.status()).isEqualTo(200);
        String own = null;
        for (var item : catalogue.json().path("items")) {
            if (item.path("id").asString().equals(id)) {
                own = item.toString();
            }
        }
        assertThat(own).as("the listing is in the catalogue").isNotNull();
        views.add(own);
        Api.Response bids = api.get("/api/v1/listings/" + id + "/bids", watcher.token());
        views.add(bids.status() + " " + bids.text());
        views.add(snapshot(id, watcher));
        return views;
    }

    private String snapshot(String id, Org watcher) throws Exception {
        HttpURLConnectionLines lines =
                new HttpURLConnectionLines(api.base() + "/api/v1/listings/" + id + "/events", watcher.token());
        try {
            String event = lines.next();
            String data = lines.next();
            assertThat(event).isEqualTo("event:snapshot");
            return data;
        } finally {
            lines.close();
        }
    }

    /** Subscribes to the listing's stream, collecting event names, until the returned handle is closed. */
    private AutoCloseable watch(String id, Org watcher, List<String> events) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/listings/" + id + "/events"))
                .header("Authorization", "Bearer " + watcher.token())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.util.stream.Stream<String>> response =
                http.send(subscribe, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture.runAsync(() -> {
            try {
                response.body().filter(line -> line.startsWith("event:")).forEach(events::add);
            } catch (RuntimeException closed) {
                // The test closed the stream.
            }
        });
        return () -> response.body().close();
    }

    private static void awaitLines(List<String> lines, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (lines.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(count);
    }

    /** Reads an event stream line by line and lets go of it after the first lines. */
    private static final class HttpURLConnectionLines {
        private final java.net.HttpURLConnection connection;
        private final BufferedReader reader;

        HttpURLConnectionLines(String url, String token) throws Exception {
            connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setReadTimeout((int) TimeUnit.SECONDS.toMillis(10));
            reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        }

        String next() throws Exception {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            return line;
        }

        void close() {
            connection.disconnect();
        }
    }
}
