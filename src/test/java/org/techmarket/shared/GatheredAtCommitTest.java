package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a transaction gathers is handed over once, in order: written just before the commit, or received once the
 * commit has happened, never sooner, and never by a transaction that does not commit.
 */
class GatheredAtCommitTest {

    private static final Object KEY = new Object();
    private static final Object OTHER_KEY = new Object();

    /** The commits, rollbacks and hand-overs, in the order they happened. */
    private final List<String> happened = new ArrayList<>();

    private final Transactions transactions = new Transactions();
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);

    /** A transaction of its own, begun while another runs. */
    private final TransactionTemplate inner = new TransactionTemplate(
            transactions, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));

    @Test
    void itemsGatheredForAfterTheCommitAreReceivedOnceInOrderOnlyOnceItHasCommitted() {
        transaction.executeWithoutResult(status -> {
            receiveAfterCommit(List.of("a"));
            receiveAfterCommit(List.of("b", "c"));
            assertThat(happened)
                    .as("nothing is received inside the transaction")
                    .isEmpty();
        });

        assertThat(happened).containsExactly("commit", "received [a, b, c]");
    }

    @Test
    void aTransactionRolledBackHandsNoneToTheReceiverAndTheGatheredToWhatDropsThem() {
        transaction.executeWithoutResult(status -> {
            receiveAfterCommit(List.of("a", "b"));
            status.setRollbackOnly();
        });

        assertThat(happened).containsExactly("rollback", "dropped [a, b]");
    }

    @Test
    void itemsGatheredJustBeforeTheCommitAreReceivedAfterIt() {
        // as a batch published by a gathering written at the commit is handed over once it has happened
        transaction.executeWithoutResult(status -> GatheredAtCommit.addAll(
                OTHER_KEY,
                0,
                written -> {
                    happened.add("written " + written);
                    receiveAfterCommit(written);
                },
                List.of("a", "b")));

        assertThat(happened).containsExactly("written [a, b]", "commit", "received [a, b]");
    }

    @Test
    void aCommitThatFailsAfterTheItemsWereGatheredHandsNoneToTheReceiver() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    receiveAfterCommit(List.of("a"));
                    GatheredAtCommit.addAll(
                            OTHER_KEY,
                            0,
                            written -> {
                                throw new IllegalStateException("refused");
                            },
                            List.of("x"));
                }))
                .hasMessage("refused");

        assertThat(happened).containsExactly("rollback", "dropped [a]");
    }

    @Test
    void anInnerTransactionHandsOverItsOwnItemsAndLeavesTheOutersToTheOuterCommit() {
        transaction.executeWithoutResult(status -> {
            receiveAfterCommit(List.of("outer 1"));
            inner.executeWithoutResult(innerStatus -> receiveAfterCommit(List.of("inner")));
            receiveAfterCommit(List.of("outer 2"));
        });

        assertThat(happened).containsExactly("commit", "received [inner]", "commit", "received [outer 1, outer 2]");
    }

    @Test
    void withoutATransactionTheItemsAreReceivedAtOnce() {
        receiveAfterCommit(List.of("a", "b"));

        assertThat(happened).containsExactly("received [a, b]");
    }

    @Test
    void itemsGatheredForTheCommitAreWrittenOnceInOrderJustBeforeIt() {
        transaction.executeWithoutResult(status -> {
            write(List.of("a"));
            write(List.of("b"));
        });

        assertThat(happened).containsExactly("written [a, b]", "commit");
    }

    @Test
    void itemsTakenBeforeTheCommitAreNotWrittenByItAndOnlyTheRestAre() {
        transaction.executeWithoutResult(status -> {
            write(List.of("a", "b"));
            assertThat(GatheredAtCommit.<String>take(KEY)).containsExactly("a", "b");
            assertThat(GatheredAtCommit.<String>take(KEY)).isEmpty();
            write(List.of("c"));
        });

        assertThat(happened).containsExactly("written [c]", "commit");
    }

    @Test
    void anInnerTransactionTakesNoneOfTheOutersItems() {
        transaction.executeWithoutResult(status -> {
            write(List.of("outer"));
            inner.executeWithoutResult(innerStatus ->
                    assertThat(GatheredAtCommit.<String>take(KEY)).isEmpty());
        });

        assertThat(happened).containsExactly("commit", "written [outer]", "commit");
    }

    @Test
    void itemsAddedOnceTheGatheringHasBeenWrittenAreWrittenAtOnce() {
        // as what a later step of the commit records, after the gathering has had its turn
        transaction.executeWithoutResult(status -> {
            write(List.of("a"));
            GatheredAtCommit.addAll(OTHER_KEY, 1, written -> write(List.of("late after " + written)), List.of("other"));
        });

        assertThat(happened).containsExactly("written [a]", "written [late after [other]]", "commit");
    }

    @Test
    void itemsAddedOnceTheGatheringHasBeenReceivedAfterTheCommitAreReceivedAtOnce() {
        transaction.executeWithoutResult(status -> {
            receiveAfterCommit(List.of("a"));
            GatheredAtCommit.addAllAfterCommit(
                    OTHER_KEY,
                    1,
                    received -> receiveAfterCommit(List.of("late")),
                    dropped -> happened.add("dropped " + dropped),
                    List.of("other"));
        });

        assertThat(happened).containsExactly("commit", "received [a]", "received [late]");
    }

    private void write(List<String> items) {
        GatheredAtCommit.addAll(KEY, 0, written -> happened.add("written " + written), items);
    }

    private void receiveAfterCommit(List<String> items) {
        GatheredAtCommit.addAllAfterCommit(
                KEY,
                0,
                received -> happened.add("received " + received),
                dropped -> happened.add("dropped " + dropped),
                items);
    }

    /** Transactions that touch nothing and note their commits and rollbacks among the hand-overs. */
    private final class Transactions extends AbstractPlatformTransactionManager {

        private int open;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return open > 0;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            open++;
        }

        @Override
        protected Object doSuspend(Object transaction) {
            return transaction;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            happened.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            happened.add("rollback");
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            open--;
        }
    }
}
