package org.techmarket.listing.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Rejection;

/**
 * Commits together the bids that arrive while earlier groups of bids are being committed, as the ledger groups
 * transfers: one transaction, one statement to lock their listings, one to store the bids and one durable commit serve
 * the whole group, whatever listings its bids are on. Each caller still gets its own answer, given only once the group
 * has committed: its bid, its own refusal, or word that it must go alone (a bid the group cannot take, or a group that
 * failed as a whole, so that one caller's failure never becomes another's).
 *
 * <p>There is no thread of its own. Bids wait in one queue; a caller that finds fewer than {@link #COMMITTERS} groups
 * committing takes its own bid and what else waits as the next group, commits it, then wakes every waiting caller:
 * those answered return, and another commits the next group. Never are two groups committing bids on one listing: a
 * bid on a listing whose group is committing waits for the next, so bids on a hot listing take turns as they would on
 * its row lock, and do so without holding a connection. A caller therefore commits at most the group its own bid is in
 * and returns, however long bids keep arriving.
 */
@Component
class BidGroups {

    /** The most bids one group commits. */
    static final int GROUP_SIZE = 64;

    /**
     * How many groups commit at once. With one, the callers its last commit answered are not yet back (on a busy
     * machine they wait for a core), so the next group leaves without them and they wait a whole commit more; a second
     * committer's commit fills that gap, as it does for the ledger (ADR 0082).
     */
    static final int COMMITTERS = 2;

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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final ArrayDeque<Waiting<?>> waiting = new ArrayDeque<>();
    /** The listings whose bids a group is committing now. */
    private final Set<String> committingOn = new HashSet<>();

    private int committing;
    private final TransactionTemplate transactions;

    BidGroups(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /**
     * Places {@code bid} on {@code listingId} with whatever else waits, deciding each group with {@code together}
     * inside one transaction (one answer per bid, in the group's order), and returns this bid's answer once its group
     * has committed.
     */
    <B> Answer place(String listingId, B bid, Function<List<B>, List<Answer>> together) {
        Waiting<B> mine = new Waiting<>(listingId, bid);
        lock.lock();
        try {
            waiting.add(mine);
            awaitAnswer(mine, together);
            return mine.answer;
        } finally {
            lock.unlock();
        }
    }

    /** How many bids wait on the listing for a group, besides a group being committed there. */
    int waiting(String listingId) {
        lock.lock();
        try {
            return (int)
                    waiting.stream().filter(w -> w.listingId.equals(listingId)).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Run with the lock held; commits the group of {@code mine} when a committer's place is free and no group is
     * committing on its listing, unless another caller's group has taken it meanwhile; returns once it is answered.
     */
    private <B> void awaitAnswer(Waiting<B> mine, Function<List<B>, List<Answer>> together) {
        while (mine.answer == null) {
            if (mine.taken || committing >= COMMITTERS || committingOn.contains(mine.listingId)) {
                turn.awaitUninterruptibly();
                continue;
            }
            List<Waiting<B>> group = groupOf(mine);
            committing++;
            lock.unlock();
            try {
                commit(group, together);
            } finally {
                lock.lock();
                committing--;
                group.forEach(w -> committingOn.remove(w.listingId));
                turn.signalAll();
            }
        }
    }

    /**
     * Takes {@code mine} from the queue with up to {@link #GROUP_SIZE} - 1 other bids on listings no group is committing
     * on, all in their order of arrival (a sealed listing hears its bids so), and marks their listings as committing;
     * bids on a listing being committed stay for a later group.
     */
    @SuppressWarnings("unchecked")
    private <B> List<Waiting<B>> groupOf(Waiting<B> mine) {
        List<Waiting<B>> group = new ArrayList<>();
        int others = 0;
        Iterator<Waiting<?>> queued = waiting.iterator();
        while (queued.hasNext()) {
            Waiting<?> next = queued.next();
            boolean own = next == mine;
            if (own || (others < GROUP_SIZE - 1 && !committingOn.contains(next.listingId))) {
                queued.remove();
                group.add((Waiting<B>) next);
                others += own ? 0 : 1;
            }
        }
        group.forEach(w -> {
            w.taken = true;
            committingOn.add(w.listingId);
        });
        return group;
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

    /** A bid on a listing and, once its group has committed, its answer (written before the lock is taken to announce it). */
    private static final class Waiting<B> {
        final String listingId;
        final B bid;
        /** Whether a group holds it (written and read under the lock). */
        boolean taken;

        volatile Answer answer;

        Waiting(String listingId, B bid) {
            this.listingId = listingId;
            this.bid = bid;
        }
    }
}
