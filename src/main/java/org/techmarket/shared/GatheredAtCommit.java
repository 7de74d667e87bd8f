package org.techmarket.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction gathers to hand over together at its commit: each item is added as it happens and the receiver
 * gets them all, in order, once, at the synchronization's {@code order}. Either just before the transaction commits,
 * to be written in it in one statement ({@link #addAll}), or once it has committed, to be handed to what must not see
 * them sooner ({@link #addAllAfterCommit}). What is gathered so far may be taken instead ({@link #take}), for a
 * statement of the caller's to write with its own. A transaction that does not commit hands none to the receiver;
 * outside a transaction, or once the gathering's moment has passed, an item is handed over at once. The gathering is
 * put aside with its transaction while an inner one of its own runs.
 */
public final class GatheredAtCommit<T> implements TransactionSynchronization {

    private final Object key;
    private final int order;
    private final boolean afterCommit;
    private final Consumer<List<T>> receiver;
    private final Consumer<List<T>> dropped;
    private final List<T> items = new ArrayList<>();
    private boolean handedOver;

    private GatheredAtCommit(
            Object key, int order, boolean afterCommit, Consumer<List<T>> receiver, Consumer<List<T>> dropped) {
        this.key = key;
        this.order = order;
        this.afterCommit = afterCommit;
        this.receiver = receiver;
        this.dropped = dropped;
    }

    /**
     * Adds {@code more} to what the running transaction gathers under {@code key} (its first items register the
     * gathering, to be written by {@code writer} at {@code order}); without a transaction, writes them now.
     */
    public static <T> void addAll(Object key, int order, Consumer<List<T>> writer, List<? extends T> more) {
        gather(key, more, writer, () -> new GatheredAtCommit<>(key, order, false, writer, none -> {}));
    }

    /**
     * Adds {@code more} to what the running transaction hands over under {@code key} once it has committed (its first
     * items register the gathering, handed to {@code receiver} at {@code order} after the commit, or to
     * {@code dropped} once the transaction has ended without committing); without a transaction, hands them to
     * {@code receiver} now.
     */
    public static <T> void addAllAfterCommit(
            Object key, int order, Consumer<List<T>> receiver, Consumer<List<T>> dropped, List<? extends T> more) {
        gather(key, more, receiver, () -> new GatheredAtCommit<>(key, order, true, receiver, dropped));
    }

    @SuppressWarnings("unchecked")
    private static <T> void gather(
            Object key, List<? extends T> more, Consumer<List<T>> receiver, Supplier<GatheredAtCommit<T>> gathering) {
        if (more.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            receiver.accept(List.copyOf(more));
            return;
        }
        GatheredAtCommit<T> gathered = (GatheredAtCommit<T>) TransactionSynchronizationManager.getResource(key);
        if (gathered == null) {
            gathered = gathering.get();
            TransactionSynchronizationManager.bindResource(key, gathered);
            TransactionSynchronizationManager.registerSynchronization(gathered);
        }
        if (gathered.handedOver) {
            gathered.receiver.accept(List.copyOf(more));
        } else {
            gathered.items.addAll(more);
        }
    }

    /**
     * Takes what the running transaction has gathered under {@code key} so far, in order: it hands those items over no
     * more, and what is added later is gathered anew. Empty when nothing waits there.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> take(Object key) {
        GatheredAtCommit<T> gathered = (GatheredAtCommit<T>) TransactionSynchronizationManager.getResource(key);
        if (gathered == null) {
            return List.of();
        }
        List<T> taken = List.copyOf(gathered.items);
        gathered.items.clear();
        return taken;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(key, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!afterCommit) {
            handOverAll();
        }
    }

    @Override
    public void afterCommit() {
        if (afterCommit) {
            handOverAll();
        }
    }

    /** Hands the gathered items to the receiver, and whatever is added from now on as it comes. */
    private void handOverAll() {
        handedOver = true;
        handOver(receiver);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        if (status != STATUS_COMMITTED) {
            handOver(dropped);
        }
    }

    private void handOver(Consumer<List<T>> to) {
        List<T> all = List.copyOf(items);
        items.clear();
        if (!all.isEmpty()) {
            to.accept(all);
        }
    }
}
