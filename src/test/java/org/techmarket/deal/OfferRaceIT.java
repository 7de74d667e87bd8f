package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/**
 * Two buyers' offers on one listing accepted at the same moment: one wins, one deal opens, and the other offer lapses
 * with the listing's conclusion.
 */
class OfferRaceIT extends IntegrationTest {

    @Test
    void twoAcceptancesOnOneListingOpenOneDeal() throws Exception {
        NegotiationKit kit = new NegotiationKit(api, fixtures);
        for (int round = 0; round < 3; round++) {
            NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "1000.00");
            Org first = kit.buyer("10000.00");
            Org second = kit.buyer("10000.00");
            String a = kit.offer(first, listed.listingId(), lumpSum("480000.00", in(Duration.ofMinutes(10))))
                    .text("id");
            String b = kit.offer(second, listed.listingId(), lumpSum("490000.00", in(Duration.ofMinutes(10))))
                    .text("id");

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (String offer : List.of(a, b)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return kit.answer(listed.seller(), offer, "acceptance");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            pool.shutdown();

            assertThat(statuses).as(statuses.toString()).containsExactlyInAnyOrder(200, 409);
            int winner = statuses.indexOf(200);
            Org won = winner == 0 ? first : second;
            Org lost = winner == 0 ? second : first;
            assertThat(kit.awaitDeals(won, 1).size()).isEqualTo(1);
            Thread.sleep(300);
            assertThat(kit.awaitDeals(lost, 1, Duration.ZERO).size()).isZero();
            Api.Response lapsed = kit.awaitOffer(lost, winner == 0 ? b : a, "EXPIRED");
            assertThat(lapsed.text("statusReason"))
                    .isEqualTo("Listing " + listed.listingId() + " was concluded with another offer");
            assertThat(api.get("/api/v1/listings/" + listed.listingId(), lost.token())
                            .text("status"))
                    .isEqualTo("AWARDED");
        }
    }
}
