package org.techmarket.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.venue.persistence.PublicEventFeed;

/**
 * The venue feed's turn: writers of entries on different listings commit side by side, and a reader following the feed
 * by its cursor still never passes an entry that commits after the read.
 */
class VenueFeedTurnIT extends IntegrationTest {

    @Autowired
    private PublicEventFeed feed;

    @Autowired
    private TransactionTemplate transactions;

    private String venue;

    @BeforeEach
    void venue() {
        venue = new VenueKit(api, fixtures)
                .venue("350000", VenueKit.schedule(100, 100, "0.00", "100000.00", 0))
                .id();
    }

    @Test
    void aWriterKeepsItsEntryWhileAnotherWritersEntryIsStillUncommitted() throws Exception {
        CountDownLatch firstKept = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            add("first");
            firstKept.countDown();
            try {
                return secondCommitted.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(firstKept.await(20, TimeUnit.SECONDS)).isTrue();

        transactions.executeWithoutResult(tx -> add("second"));
        secondCommitted.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS))
                .as("the second writer committed while the first still held its entry uncommitted")
                .isTrue();
        assertThat(feed.after(venue, 0, 10))
                .extracting(PublicEventFeed.Entry::type)
                .containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aReaderWaitsForAnEarlierEntryBeforeItShowsALaterOne() throws Exception {
        CountDownLatch earlierKept = new CountDownLatch(1);
        CountDownLatch commitEarlier = new CountDownLatch(1);
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            add("earlier");
            earlierKept.countDown();
            try {
                commitEarlier.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(earlierKept.await(20, TimeUnit.SECONDS)).isTrue();
        // Drawn after the earlier entry's seq and committed first: a cursor past it would skip the earlier entry.
        transactions.executeWithoutResult(tx -> add("later"));

        CompletableFuture<List<PublicEventFeed.Entry>> read =
                CompletableFuture.supplyAsync(() -> feed.after(venue, 0, 10));
        Thread.sleep(300);
        assertThat(read)
                .as("the read waits while an entry drawn before it is uncommitted")
                .isNotDone();
        commitEarlier.countDown();
        earlier.get(30, TimeUnit.SECONDS);

        List<PublicEventFeed.Entry> entries = read.get(30, TimeUnit.SECONDS);
        assertThat(entries).extracting(PublicEventFeed.Entry::type).containsExactly("earlier", "later");
        long cursor = entries.get(entries.size() - 1).seq();
        assertThat(feed.after(venue, cursor, 10))
                .as("nothing is left behind the cursor")
                .isEmpty();
    }

    @Test
    void aReaderShowsNothingOfAnEntryRolledBack() {
        transactions.executeWithoutResult(tx -> {
            add("rolled back");
            tx.setRollbackOnly();
        });
        transactions.executeWithoutResult(tx -> add("kept"));

        assertThat(feed.after(venue, 0, 10))
                .extracting(PublicEventFeed.Entry::type)
                .containsExactly("kept");
    }

    private void add(String type) {
        feed.add(Fixtures.unique("turn"), venue, type, "listing:" + Fixtures.unique("l"), Map.of(), Instant.now());
    }
}
