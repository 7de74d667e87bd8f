package org.techmarket.listing.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Rejection;

/**
 * The queue of {@link BidGroups}: bids that arrive while groups commit wait and are committed together as the next
 * group, whatever their listings, each gets its own answer, a failed group sends each of its bids alone, two groups never
 * commit on one listing at once, and a bid on another listing does not wait for a listing's group. Each bid here is
 * answered with a refusal naming it, so that whose answer reached whom can be seen.
 */
class BidGroupsTest {

    private final List<List<String>> groupsSeen = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final BidGroups groups = new BidGroups(new TransactionTemplate(new NoDatabase()));

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void bidsArrivingWhileAGroupCommitsWaitAndAreCommittedTogetherEachWithItsOwnAnswer() throws Exception {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        Function<List<String>, List<BidGroups.Answer>> together = bids -> {
            groupsSeen.add(List.copyOf(bids));
            if (bids.contains("first")) {
                firstCommitting.countDown();
                await(letFirstCommit);
            }
            return bids.stream().map(BidGroupsTest::refusedNaming).toList();
        };
        Future<BidGroups.Answer> first = callers.submit(() -> groups.place("L", "first", together));
        assertThat(firstCommitting.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<BidGroups.Answer>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String bid = "bid-" + i;
            later.add(callers.submit(() -> groups.place("L", bid, together)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.waiting("L") < 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(groups.waiting("L")).isEqualTo(5);
        assertThat(later).noneMatch(Future::isDone);

        letFirstCommit.countDown();
        assertThat(named(first.get(10, TimeUnit.SECONDS))).isEqualTo("first");
        for (int i = 1; i <= 5; i++) {
            assertThat(named(later.get(i - 1).get(10, TimeUnit.SECONDS))).isEqualTo("bid-" + i);
        }
        assertThat(groupsSeen).hasSize(2);
        assertThat(groupsSeen.get(0)).containsExactly("first");
        assertThat(groupsSeen.get(1)).containsExactlyInAnyOrder("bid-1", "bid-2", "bid-3", "bid-4", "bid-5");
        assertThat(groups.waiting("L")).isZero();
    }

    @Test
    void aGroupThatFailsAsAWholeSendsEachOfItsBidsAlone() {
        BidGroups.Answer answer = groups.place("L", "doomed", bids -> {
            throw new IllegalStateException("the database went away");
        });

        assertThat(answer).isEqualTo(BidGroups.Answer.ALONE);
        assertThat(groups.waiting("L")).isZero();
    }

    @Test
    void aBidOnAnotherListingDoesNotWaitForAListingsGroup() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Future<BidGroups.Answer> slow = callers.submit(() -> groups.place("L1", "slow", bids -> {
            committing.countDown();
            await(letGo);
            return bids.stream().map(BidGroupsTest::refusedNaming).toList();
        }));
        assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();

        BidGroups.Answer other = groups.place(
                "L2",
                "quick",
                bids -> bids.stream().map(BidGroupsTest::refusedNaming).toList());

        assertThat(named(other)).isEqualTo("quick");
        assertThat(slow).isNotDone();
        letGo.countDown();
        assertThat(named(slow.get(10, TimeUnit.SECONDS))).isEqualTo("slow");
    }

    @Test
    void bidsOnSeveralListingsThatWaitWhileTheCommittersAreBusyFormOneGroup() throws Exception {
        List<CountDownLatch> committing = new ArrayList<>();
        List<CountDownLatch> letGo = new ArrayList<>();
        List<Future<BidGroups.Answer>> busy = new ArrayList<>();
        for (int i = 0; i < BidGroups.COMMITTERS; i++) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            committing.add(started);
            letGo.add(release);
            String bid = "busy-" + i;
            busy.add(callers.submit(() -> groups.place("busy-listing-" + bid, bid, bids -> {
                groupsSeen.add(List.copyOf(bids));
                started.countDown();
                await(release);
                return bids.stream().map(BidGroupsTest::refusedNaming).toList();
            })));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        }
        Function<List<String>, List<BidGroups.Answer>> together = bids -> {
            groupsSeen.add(List.copyOf(bids));
            return bids.stream().map(BidGroupsTest::refusedNaming).toList();
        };
        List<Future<BidGroups.Answer>> later = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String bid = "bid-" + i;
            later.add(callers.submit(() -> groups.place("L" + bid, bid, together)));
            // One at a time, so that their order of arrival is known.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (groups.waiting("L" + bid) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        }
        assertThat(waitingOn("Lbid-1", "Lbid-2", "Lbid-3")).isEqualTo(3);
        assertThat(later).noneMatch(Future::isDone);

        letGo.get(0).countDown();
        for (int i = 1; i <= 3; i++) {
            assertThat(named(later.get(i - 1).get(10, TimeUnit.SECONDS))).isEqualTo("bid-" + i);
        }
        assertThat(groupsSeen).contains(List.of("bid-1", "bid-2", "bid-3"));
        letGo.forEach(CountDownLatch::countDown);
        for (Future<BidGroups.Answer> answer : busy) {
            assertThat(answer.get(10, TimeUnit.SECONDS).refusal()).isPresent();
        }
    }

    @Test
    void aBidOnAListingWhoseGroupIsCommittingWaitsForTheNextGroupWhileOtherListingsGoAhead() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Function<List<String>, List<BidGroups.Answer>> together = bids -> {
            groupsSeen.add(List.copyOf(bids));
            if (bids.contains("first")) {
                committing.countDown();
                await(letGo);
            }
            return bids.stream().map(BidGroupsTest::refusedNaming).toList();
        };
        Future<BidGroups.Answer> first = callers.submit(() -> groups.place("L1", "first", together));
        assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<BidGroups.Answer> second = callers.submit(() -> groups.place("L1", "second", together));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.waiting("L1") < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        BidGroups.Answer other = groups.place("L2", "other", together);

        assertThat(named(other)).isEqualTo("other");
        assertThat(second).isNotDone();
        assertThat(groupsSeen).containsExactly(List.of("first"), List.of("other"));
        letGo.countDown();
        assertThat(named(first.get(10, TimeUnit.SECONDS))).isEqualTo("first");
        assertThat(named(second.get(10, TimeUnit.SECONDS))).isEqualTo("second");
        assertThat(groupsSeen).containsExactly(List.of("first"), List.of("other"), List.of("second"));
    }

    private int waitingOn(String... listings) {
        int waiting = 0;
        for (String listing : listings) {
            waiting += groups.waiting(listing);
        }
        return waiting;
    }

    private static BidGroups.Answer refusedNaming(String bid) {
        return BidGroups.Answer.of(new Rejection(Rejection.Kind.CONFLICT, "TEST_REFUSAL", bid));
    }

    private static String named(BidGroups.Answer answer) {
        return answer.refusal().orElseThrow().getMessage();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Transactions that begin and end nothing: the lanes are what is tested here, not what a group writes. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
