package org.techmarket.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.Market.assignment;
import static org.techmarket.listing.Market.cny;
import static org.techmarket.listing.Market.english;
import static org.techmarket.listing.Market.mechanism;
import static org.techmarket.listing.Market.now;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.listing.application.Closing;
import org.techmarket.support.Api;
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
