package org.techmarket.listing.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Rejection;

/**
 * Commits together the bids on one listing that arrive while an earlier group of bids on it is being committed, as the
 * ledger groups transfers: one transaction, one lock of the listing, one statement for the bids and one durable commit
 * serve the whole group. Each caller still gets its own answer, given only once the group has committed: its bid, its
 * own refusal, or word that it must go alone (a bid the group cannot take, or a group that failed as a whole, so that
 * one caller's failure never becomes another's).
 *
 * <p>There is no thread of its own. Bids on a listing wait in its lane; a caller that finds nobody committing on the
 * lane commits what waits (its own bid among them), then hands the lane on: every waiting caller wakes, those answered
 * return, and one of the others commits the next group. A caller therefore commits at most the group its own bid is in
 * and returns, however long bids keep arriving. Lanes exist only while bids wait on them.
 */
@Component
class BidGroups {

    /** The most bids one group commits. */
    static final int GROUP_SIZE = 64;

    /** What a bid in a group was told: accepted, refused, or neither (it must be placed alone). */
    record Answer(Optional<Bidding.Accepted> accepted, Optional<Rejection> refusal) {

        static final Answer ALONE = new Answer(Optional.empty(), Optional.empty());

        static Answer of(Bidding.Accepted accepted) {
            return new Answer(Optional.of(accepted), Optional.empty());
        }

        static Answer of(Rejection refusal) {
            return new Answer(Optional.empty(), Optional.of(refusal));
        }
    }

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;

    BidGroups(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * Places {@code bid} on {@code listingId} with whatever else waits there, deciding each group with {@code together}
     * inside one transaction (one answer per bid, in the group's order), and returns this bid's answer once its group
     * has committed.
     */
    <B> Answer place(String listingId, B bid, Function<List<B>, List<Answer>> together) {
        Waiting<B> mine = new Waiting<>(bid);
        while (true) {
            Lane lane = lanes.computeIfAbsent(listingId, id -> new Lane());
            lane.lock.lock();
            try {
                if (lane.retired) {
                    continue;
                }
                lane.waiting.add(mine);
                awaitAnswer(lane, mine, together);
                if (lane.waiting.isEmpty() && !lane.committing) {
                    lane.retired = true;
                    lanes.remove(listingId, lane);
                }
                return mine.answer;
            } finally {
                lane.lock.unlock();
            }
        }
    }

    /** How many bids wait on the listing for a group, besides a group being committed there. */
    int waiting(String listingId) {
        Lane lane = lanes.get(listingId);
        if (lane == null) {
            return 0;
        }
        lane.lock.lock();
        try {
            return lane.waiting.size();
        } finally {
            lane.lock.unlock();
        }
    }

    /** Run with the lane's lock held; commits a group whenever nobody else is, until {@code mine} is answered. */
    @SuppressWarnings("unchecked")
    private <B> void awaitAnswer(Lane lane, Waiting<B> mine, Function<List<B>, List<Answer>> together) {
        while (mine.answer == null) {
            if (lane.committing) {
                lane.turn.awaitUninterruptibly();
                continue;
            }
            lane.committing = true;
            List<Waiting<B>> group = new ArrayList<>();
            while (group.size() < GROUP_SIZE && !lane.waiting.isEmpty()) {
                group.add((Waiting<B>) lane.waiting.poll());
            }
            lane.lock.unlock();
            try {
                commit(group, together);
            } finally {
                lane.lock.lock();
                lane.committing = false;
                lane.turn.signalAll();
            }
        }
    }

    /** Commits the group and answers each of its bids; a group that fails tells each bid to go alone. */
    private <B> void commit(List<Waiting<B>> group, Function<List<B>, List<Answer>> together) {
        List<Answer> answers;
        try {
            answers = transactions.execute(
                    tx -> together.apply(group.stream().map(w -> w.bid).toList()));
        } catch (RuntimeException | Error failed) {
            group.forEach(w -> w.answer = Answer.ALONE);
            if (failed instanceof Error error) {
                throw error;
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer = answers.get(i);
        }
    }

    /** The bids waiting on one listing, and whether a group of them is being committed. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Condition turn = lock.newCondition();
        final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
        boolean committing;
        // Set under the lock when the lane leaves the map: a caller that found it just before must look again.
        boolean retired;
    }

    /** A bid and, once its group has committed, its answer (written before the lane's lock is taken to announce it). */
    private static final class Waiting<B> {
        final B bid;
        volatile Answer answer;

        Waiting(B bid) {
            this.bid = bid;
        }
    }
}
