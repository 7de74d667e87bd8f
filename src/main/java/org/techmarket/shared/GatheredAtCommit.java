package org.techmarket.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a transaction gathers to write together just before it commits, in one statement: each item is added as it
 * happens and the writer gets them all, in order, once, at the synchronization's {@code order}. A transaction rolled
 * back writes none; outside a transaction an item is written at once. The gathering is put aside with its transaction
 * while an inner one of its own runs.
 */
public final class GatheredAtCommit<T> implements TransactionSynchronization {

    private final Object key;
    private final int order;
    private final Consumer<List<T>> writer;
    private final List<T> items = new ArrayList<>();

    private GatheredAtCommit(Object key, int order, Consumer<List<T>> writer) {
        this.key = key;
        this.order = order;
        this.writer = writer;
    }

    /**
     * Adds {@code more} to what the running transaction gathers under {@code key} (its first items register the
     * gathering, to be written by {@code writer} at {@code order}); without a transaction, writes them now.
     */
    @SuppressWarnings("unchecked")
    public static <T> void addAll(Object key, int order, Consumer<List<T>> writer, List<? extends T> more) {
        if (more.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(List.copyOf(more));
            return;
        }
        GatheredAtCommit<T> gathered = (GatheredAtCommit<T>) TransactionSynchronizationManager.getResource(key);
        if (gathered == null) {
            gathered = new GatheredAtCommit<>(key, order, writer);
            TransactionSynchronizationManager.bindResource(key, gathered);
            TransactionSynchronizationManager.registerSynchronization(gathered);
        }
        gathered.items.addAll(more);
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
        List<T> all = List.copyOf(items);
        items.clear();
        if (!all.isEmpty()) {
            writer.accept(all);
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
}
